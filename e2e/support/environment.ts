/** What the global setup hands to the specs (through environment variables, since they run in other processes). */
export interface E2eEnvironment {
  baseUrl: string;
  mailDirectory: string;
  adminEmail: string;
  adminPassword: string;
  /** An API key with every scope (`WARMPATH_BOOTSTRAP_API_KEY`), for specs that set up their data over REST. */
  apiKey: string;
}

const names = {
  baseUrl: 'WARMPATH_E2E_BASE_URL',
  mailDirectory: 'WARMPATH_E2E_MAIL_DIR',
  adminEmail: 'WARMPATH_E2E_ADMIN_EMAIL',
  adminPassword: 'WARMPATH_E2E_ADMIN_PASSWORD',
  apiKey: 'WARMPATH_E2E_API_KEY',
} as const satisfies Record<keyof E2eEnvironment, string>;

export function publishE2eEnvironment(environment: E2eEnvironment): void {
  for (const key of Object.keys(names) as (keyof E2eEnvironment)[])
    process.env[names[key]] = environment[key];
}

export function e2eEnvironment(): E2eEnvironment {
  const read = (key: keyof E2eEnvironment) => {
    const value = process.env[names[key]];
    if (!value) throw new Error(`${names[key]} is not set: run the specs through playwright.config.ts`);
    return value;
  };
  return {
    baseUrl: read('baseUrl'),
    mailDirectory: read('mailDirectory'),
    adminEmail: read('adminEmail'),
    adminPassword: read('adminPassword'),
    apiKey: read('apiKey'),
  };
}
