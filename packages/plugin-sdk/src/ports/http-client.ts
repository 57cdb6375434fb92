/** A `fetch`-compatible function: the plugin's only way out to the network, so the host can proxy and trace it. */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
