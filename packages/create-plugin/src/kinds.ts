/** The extension points a scaffolded plugin can implement, by the name `pnpm create-plugin` takes. */
export const PLUGIN_KINDS = ['crm', 'rewards', 'fraud', 'attribution', 'inference', 'notifier'] as const;

/** One of {@link PLUGIN_KINDS}. */
export type PluginKind = (typeof PLUGIN_KINDS)[number];

/** What the scaffold writes for one kind, besides the files every plugin gets. */
export interface KindTemplate {
  /** The extension point, as the docs name it. */
  extensionPoint: string;
  /** One sentence for the generated README. */
  summary: string;
  /**
   * Whether it talks to a remote system: then it gets the shared JSON client, URL-and-token settings and a
   * loopback stand-in. Fraud rules and attribution models are pure, so their tests need no stand-in.
   */
  isRemote: boolean;
}

/** The template of each kind. */
export const KIND_TEMPLATES: Record<PluginKind, KindTemplate> = {
  crm: {
    extensionPoint: 'CrmConnector',
    summary: 'Writes referrals to a CRM as leads and reads back the stages sales move them to.',
    isRemote: true,
  },
  rewards: {
    extensionPoint: 'RewardProvider',
    summary: 'Pays approved rewards through a provider, exactly once per reward.',
    isRemote: true,
  },
  fraud: {
    extensionPoint: 'FraudRule',
    summary: 'Flags referrals of companies on a blocklist when they are submitted.',
    isRemote: false,
  },
  attribution: {
    extensionPoint: 'AttributionModel',
    summary: 'Credits a conversion to the first or last touchpoint that led to it.',
    isRemote: false,
  },
  inference: {
    extensionPoint: 'InferenceBackend',
    summary: 'Completes prompts and embeds texts with a model behind an OpenAI-compatible API.',
    isRemote: true,
  },
  notifier: {
    extensionPoint: 'Notifier',
    summary: 'Delivers Warmpath notifications to chat channels.',
    isRemote: true,
  },
};

/** Whether `value` names a kind. */
export function isPluginKind(value: string): value is PluginKind {
  return (PLUGIN_KINDS as readonly string[]).includes(value);
}
