#!/usr/bin/env node
// Checks the deployment files without helm, docker or any package: `node helm/validate.mjs` from the repository root.
//
// - the Helm chart: Chart.yaml, values.yaml against values.schema.json, every `.Values.x` a template reads, and
//   renders of several value sets (like `helm template` + `helm lint --strict`) whose manifests are checked for
//   dangling references, selectors, hook ordering and pod hardening; invalid values must be refused;
// - docker/compose.yml, docker/compose.dev.yml, docker/.env.example, docker/Dockerfile and .dockerignore.
//
// Exit code 1 when anything fails. The last line reads "N passed, N failed".

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertSupportedSchema, validateAgainstSchema } from './tools/json-schema.mjs';
import { checkManifests, containerEnv } from './tools/manifest-checks.mjs';
import { Chart, SchemaError } from './tools/render-chart.mjs';
import { parseYaml } from './tools/yaml.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const chartDirectory = path.join(root, 'helm', 'warmpath');
const read = (relative) => readFileSync(path.join(root, relative), 'utf8');

let passed = 0;
let failed = 0;

/** Runs one named check; a thrown error or returned problems fail it. */
function check(name, body) {
  try {
    const problems = body() ?? [];
    if (problems.length > 0) throw new Error(problems.join('\n'));
    passed += 1;
    process.stdout.write(`ok    ${name}\n`);
  } catch (error) {
    failed += 1;
    const message = error instanceof Error ? error.message : String(error);
    process.stdout.write(`FAIL  ${name}\n${message.replace(/^/gm, '        ')}\n`);
  }
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

// ---- the chart ---------------------------------------------------------------------------------------------------

let chart;
check('chart: Chart.yaml, values.yaml and every template parse', () => {
  chart = new Chart(chartDirectory);
});
if (!chart) {
  process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  process.exit(1);
}

const REQUIRED = {
  publicUrl: 'https://refer.example.com',
  database: { url: 'postgres://warmpath:s3cret@db.example.com:5432/warmpath?sslmode=require' },
  redis: { url: 'redis://:s3cret@redis.example.com:6379' },
  secretKey: { value: 'k'.repeat(44) },
};

const existingSecretsOf = (values) =>
  new Set(
    [
      values.database,
      values.redis,
      values.secretKey,
      values.smtp,
      values.bootstrap.apiKey,
      values.bootstrap.admin,
    ]
      .map((block) => block.existingSecret.name)
      .filter(Boolean),
  );

/** Renders and runs the structural checks; returns the render for scenario-specific assertions. */
function renderChecked(overrides, release) {
  const render = chart.render(overrides, release);
  const problems = checkManifests(render.manifests, {
    existingSecrets: existingSecretsOf(render.values),
    externalServiceAccounts: new Set([render.values.serviceAccount.name].filter(Boolean)),
  });
  if (problems.length > 0) throw new Error(problems.join('\n'));
  expect(render.notes.trim().length > 0, 'NOTES.txt rendered empty');
  return render;
}

const find = (render, kind, name) =>
  render.manifests.find((m) => m.document.kind === kind && m.document.metadata.name === name)?.document;
const kinds = (render) =>
  render.manifests.map((m) => `${m.document.kind}/${m.document.metadata.name}`).sort();
const decode = (secret, key) => Buffer.from(secret.data[key], 'base64').toString('utf8');

function expectFailure(overrides, pattern) {
  try {
    chart.render(overrides);
  } catch (error) {
    expect(pattern.test(error.message), `refused, but with another message: ${error.message}`);
    return;
  }
  throw new Error(`rendered, but should be refused with ${pattern}`);
}

check(
  'chart: Chart.yaml is an apiVersion v2 application chart with semver versions and no dependencies',
  () => {
    const meta = chart.metadata;
    expect(meta.apiVersion === 'v2', 'apiVersion must be v2');
    expect(meta.name === 'warmpath', 'name must be warmpath');
    expect(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(meta.version), `version ${meta.version} is not semver`);
    expect(
      typeof meta.appVersion === 'string' && meta.appVersion !== '',
      'appVersion must be a quoted string',
    );
    expect(meta.type === 'application', 'type must be application');
    expect(!meta.dependencies, 'no chart dependencies: Postgres and Redis are external');
  },
);

check('chart: values.schema.json uses only validated keywords and accepts values.yaml', () => {
  assertSupportedSchema(chart.schema);
  return validateAgainstSchema(chart.defaults, chart.schema);
});

check('chart: every .Values path a template reads exists in values.yaml', () => {
  const problems = [];
  for (const [file, source] of Object.entries(chart.templateFiles)) {
    for (const match of source.matchAll(/\.Values((?:\.[A-Za-z0-9_]+)+)/g)) {
      let node = chart.defaults;
      for (const part of match[1].slice(1).split('.')) {
        if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part)) {
          problems.push(`${file}: .Values${match[1]} is not in values.yaml`);
          break;
        }
        node = node[part];
      }
    }
  }
  return [...new Set(problems)];
});

check('chart: the defaults alone are refused, naming publicUrl', () =>
  expectFailure({}, /publicUrl is required/),
);

check('chart: an install is refused without a database, Redis or secret key', () => {
  expectFailure(
    { ...REQUIRED, database: { url: '' } },
    /database\.url or database\.existingSecret\.name is required/,
  );
  expectFailure({ ...REQUIRED, redis: { url: '' } }, /redis\.url or redis\.existingSecret\.name is required/);
  expectFailure(
    { ...REQUIRED, secretKey: { value: '' } },
    /secretKey\.value or secretKey\.existingSecret\.name is required/,
  );
});

check('chart: the schema refuses typos and bad values before rendering', () => {
  for (const [overrides, pattern] of [
    [{ ...REQUIRED, api: { replicas: 3 } }, /api\.replicas: not allowed/],
    [{ ...REQUIRED, config: { logLevel: 'verbose' } }, /config\.logLevel: must be one of/],
    [{ ...REQUIRED, secretKey: { value: 'too-short' } }, /secretKey\.value: does not match/],
    [{ ...REQUIRED, database: { url: 'mysql://db/warmpath' } }, /database\.url: does not match/],
    [{ ...REQUIRED, publicUrl: 'refer.example.com' }, /publicUrl: does not match/],
    [{ ...REQUIRED, worker: { replicaCount: '2' } }, /worker\.replicaCount: expected integer/],
    [{ ...REQUIRED, config: { trustProxy: 1 } }, /config\.trustProxy: expected string/],
  ]) {
    try {
      chart.render(overrides);
      throw new Error(`accepted ${JSON.stringify(overrides)}`);
    } catch (error) {
      expect(error instanceof SchemaError, `not a schema error: ${error.message}`);
      expect(pattern.test(error.message), `unexpected message: ${error.message}`);
    }
  }
});

check('chart: the bootstrap owner needs both email and password', () =>
  expectFailure(
    { ...REQUIRED, bootstrap: { admin: { email: 'owner@example.com' } } },
    /must be set together/,
  ),
);

check('chart: minimal install renders api, worker, service, config, secret and the migration hook', () => {
  const render = renderChecked(REQUIRED);
  expect(
    JSON.stringify(kinds(render)) ===
      JSON.stringify(
        [
          'ConfigMap/wp-warmpath',
          'Deployment/wp-warmpath-api',
          'Deployment/wp-warmpath-worker',
          'Job/wp-warmpath-migrate',
          'PodDisruptionBudget/wp-warmpath-api',
          'PodDisruptionBudget/wp-warmpath-worker',
          'Secret/wp-warmpath',
          'Secret/wp-warmpath-migrate',
          'Service/wp-warmpath',
          'ServiceAccount/wp-warmpath',
        ].sort(),
      ),
    `unexpected resources: ${kinds(render).join(', ')}`,
  );
  const secret = find(render, 'Secret', 'wp-warmpath');
  expect(decode(secret, 'DATABASE_URL') === REQUIRED.database.url, 'DATABASE_URL not stored as given');
  expect(
    decode(secret, 'WARMPATH_SECRET_KEY') === REQUIRED.secretKey.value,
    'WARMPATH_SECRET_KEY not stored as given',
  );
  const config = find(render, 'ConfigMap', 'wp-warmpath').data;
  expect(
    config.PUBLIC_URL === 'https://refer.example.com' && config.WARMPATH_DATA_DIR === '/data',
    'ConfigMap values',
  );
  expect(
    config.WARMPATH_DEMO === 'false' && config.WARMPATH_PLUGINS === '',
    'demo off and no extra plugins by default',
  );
  for (const component of ['api', 'worker']) {
    const deployment = find(render, 'Deployment', `wp-warmpath-${component}`);
    const env = containerEnv(deployment);
    expect(env.get('MODE')?.value === component, `${component} runs MODE=${component}`);
    for (const name of ['DATABASE_URL', 'REDIS_URL', 'WARMPATH_SECRET_KEY'])
      expect(env.has(name), `${component} lacks ${name}`);
    expect(!env.has('SMTP_URL'), `${component} gets SMTP_URL although none is configured`);
    const container = deployment.spec.template.spec.containers[0];
    expect(
      container.image === `warmpath:${chart.metadata.appVersion}`,
      `image defaults to the appVersion tag: ${container.image}`,
    );
    expect(
      container.readinessProbe.httpGet.path === '/readyz' &&
        container.livenessProbe.httpGet.path === '/healthz',
      'probes',
    );
    expect(deployment.spec.template.spec.automountServiceAccountToken === false, 'no service account token');
  }
  const job = find(render, 'Job', 'wp-warmpath-migrate');
  expect(
    JSON.stringify(job.spec.template.spec.containers[0].args) === '["migrate","up"]',
    'migrate job runs `migrate up`',
  );
  expect(
    job.metadata.annotations['helm.sh/hook'] === 'pre-install,pre-upgrade',
    'migrate job is a pre-install/pre-upgrade hook',
  );
  expect(
    containerEnv(job).get('DATABASE_URL').valueFrom.secretKeyRef.name === 'wp-warmpath-migrate',
    'job reads the hook Secret',
  );
  expect(
    containerEnv(job).get('PUBLIC_URL')?.value === 'https://refer.example.com',
    'job gets the config inline',
  );
});

check(
  "chart: TRUST_PROXY is off without an ingress, one hop behind the chart's ingress, and as configured",
  () => {
    const trustProxy = (overrides) =>
      find(chart.render(overrides), 'ConfigMap', 'wp-warmpath').data.TRUST_PROXY;
    const ingress = {
      enabled: true,
      hosts: [{ host: 'refer.example.com', paths: [{ path: '/', pathType: 'Prefix' }] }],
    };
    expect(trustProxy(REQUIRED) === undefined, 'no TRUST_PROXY without an ingress');
    expect(trustProxy({ ...REQUIRED, ingress }) === '1', 'TRUST_PROXY=1 behind the ingress');
    expect(
      trustProxy({ ...REQUIRED, ingress, config: { trustProxy: '2' } }) === '2',
      'an explicit hop count wins',
    );
    expect(
      trustProxy({ ...REQUIRED, ingress, config: { trustProxy: 'false' } }) === 'false',
      'false turns it off',
    );
    expect(
      trustProxy({ ...REQUIRED, config: { trustProxy: '10.0.0.0/8, fd00::/8' } }) === '10.0.0.0/8, fd00::/8',
      'proxy addresses without an ingress',
    );
  },
);

check('chart: a config change rolls the pods (checksum annotations change)', () => {
  const annotations = (overrides) =>
    find(chart.render(overrides), 'Deployment', 'wp-warmpath-api').spec.template.metadata.annotations;
  const before = annotations(REQUIRED);
  const afterConfig = annotations({ ...REQUIRED, config: { logLevel: 'debug' } });
  const afterSecret = annotations({ ...REQUIRED, redis: { url: 'redis://other:6379' } });
  expect(
    before['checksum/config'] !== afterConfig['checksum/config'],
    'checksum/config unchanged after a config change',
  );
  expect(
    before['checksum/secret'] !== afterSecret['checksum/secret'],
    'checksum/secret unchanged after a secret change',
  );
});

check('chart: existing Secrets everywhere, ingress with TLS, HPAs and a ServiceMonitor', () => {
  const render = renderChecked({
    publicUrl: 'https://refer.example.com/',
    image: { repository: 'registry.example.com/warmpath', digest: `sha256:${'a'.repeat(64)}` },
    config: { plugins: ['@acme/warmpath-plugin-erp', '/app/custom/plugin'], demo: true },
    database: { existingSecret: { name: 'cnpg-app', key: 'uri' } },
    redis: { existingSecret: { name: 'redis-auth', key: 'url' } },
    secretKey: { existingSecret: { name: 'warmpath-keys' } },
    smtp: { existingSecret: { name: 'warmpath-keys' } },
    bootstrap: {
      apiKey: { existingSecret: { name: 'warmpath-keys' } },
      admin: { existingSecret: { name: 'warmpath-owner', emailKey: 'email', passwordKey: 'password' } },
    },
    extraEnv: [{ name: 'NODE_EXTRA_CA_CERTS', value: '/etc/ssl/custom/ca.pem' }],
    api: { autoscaling: { enabled: true, targetMemoryUtilizationPercentage: 80 } },
    worker: { autoscaling: { enabled: true } },
    ingress: {
      enabled: true,
      className: 'nginx',
      annotations: { 'cert-manager.io/cluster-issuer': 'letsencrypt' },
      hosts: [{ host: 'refer.example.com', paths: [{ path: '/', pathType: 'Prefix' }] }],
      tls: [{ secretName: 'warmpath-tls', hosts: ['refer.example.com'] }],
    },
    metrics: {
      token: { existingSecret: { name: 'warmpath-keys' } },
      serviceMonitor: { enabled: true, labels: { release: 'prometheus' } },
    },
  });
  const names = kinds(render);
  expect(
    !names.includes('Secret/wp-warmpath') && !names.includes('Secret/wp-warmpath-migrate'),
    'no chart Secrets needed',
  );
  for (const expected of [
    'Ingress/wp-warmpath',
    'HorizontalPodAutoscaler/wp-warmpath-api',
    'HorizontalPodAutoscaler/wp-warmpath-worker',
    'ServiceMonitor/wp-warmpath',
    'Service/wp-warmpath-worker',
  ]) {
    expect(names.includes(expected), `missing ${expected}`);
  }
  const api = find(render, 'Deployment', 'wp-warmpath-api');
  expect(!('replicas' in api.spec), 'replicas left to the HPA');
  expect(
    api.spec.template.spec.containers[0].image === `registry.example.com/warmpath@sha256:${'a'.repeat(64)}`,
    'digest image',
  );
  const apiEnv = containerEnv(api);
  expect(apiEnv.get('DATABASE_URL').valueFrom.secretKeyRef.key === 'uri', 'custom key of an existing Secret');
  expect(
    apiEnv.get('WARMPATH_ADMIN_PASSWORD').valueFrom.secretKeyRef.key === 'password',
    'admin password from existing Secret',
  );
  expect(
    apiEnv.get('WARMPATH_BOOTSTRAP_API_KEY').valueFrom.secretKeyRef.key === 'WARMPATH_BOOTSTRAP_API_KEY',
    'default key name',
  );
  expect(apiEnv.get('NODE_EXTRA_CA_CERTS')?.value === '/etc/ssl/custom/ca.pem', 'extraEnv reaches the api');
  const workerEnv = containerEnv(find(render, 'Deployment', 'wp-warmpath-worker'));
  expect(
    !workerEnv.has('WARMPATH_ADMIN_EMAIL') && !workerEnv.has('WARMPATH_BOOTSTRAP_API_KEY'),
    'bootstrap stays with the api',
  );
  expect(workerEnv.has('SMTP_URL'), 'worker sends email: it needs SMTP_URL');
  const config = find(render, 'ConfigMap', 'wp-warmpath').data;
  expect(
    config.WARMPATH_PLUGINS === '@acme/warmpath-plugin-erp,/app/custom/plugin',
    'plugins joined with commas',
  );
  expect(
    config.PUBLIC_URL === 'https://refer.example.com' && config.WARMPATH_DEMO === 'true',
    'trailing slash trimmed, demo on',
  );
  const hpa = find(render, 'HorizontalPodAutoscaler', 'wp-warmpath-api');
  expect(hpa.spec.metrics.length === 2, 'cpu and memory metrics');
  const ingress = find(render, 'Ingress', 'wp-warmpath');
  expect(
    ingress.spec.tls[0].secretName === 'warmpath-tls' && ingress.spec.ingressClassName === 'nginx',
    'ingress tls and class',
  );
  const monitor = find(render, 'ServiceMonitor', 'wp-warmpath');
  expect(monitor.metadata.labels.release === 'prometheus', 'ServiceMonitor labels');
  const credentials = monitor.spec.endpoints[0].authorization?.credentials;
  expect(
    credentials?.name === 'warmpath-keys' && credentials?.key === 'METRICS_TOKEN',
    'the ServiceMonitor sends METRICS_TOKEN from its Secret',
  );
  expect(
    apiEnv.get('METRICS_TOKEN')?.valueFrom.secretKeyRef.name === 'warmpath-keys' &&
      workerEnv.has('METRICS_TOKEN'),
    'api and worker get METRICS_TOKEN',
  );
});

check(
  'chart: inline bootstrap values reach only the api, and the hook Secret holds no bootstrap values',
  () => {
    const render = renderChecked({
      ...REQUIRED,
      smtp: { url: 'smtp://mailer:pw@smtp.example.com:587' },
      bootstrap: {
        apiKey: { value: 'b'.repeat(32) },
        admin: { email: 'owner@example.com', password: 'correct-horse-battery' },
      },
    });
    const secret = find(render, 'Secret', 'wp-warmpath');
    expect(decode(secret, 'WARMPATH_ADMIN_EMAIL') === 'owner@example.com', 'admin email stored');
    const hookSecret = find(render, 'Secret', 'wp-warmpath-migrate');
    expect(
      !('WARMPATH_ADMIN_PASSWORD' in hookSecret.data) && 'SMTP_URL' in hookSecret.data,
      'hook Secret contents',
    );
    expect(
      containerEnv(find(render, 'Deployment', 'wp-warmpath-api')).has('WARMPATH_ADMIN_PASSWORD'),
      'api gets the owner',
    );
  },
);

check('chart: api only (running jobs itself), no hook, no ServiceAccount, no budgets', () => {
  const render = renderChecked({
    ...REQUIRED,
    worker: { enabled: false },
    migrations: { enabled: false },
    serviceAccount: { create: false },
    api: { replicaCount: 1, podDisruptionBudget: { enabled: false } },
  });
  expect(
    JSON.stringify(kinds(render)) ===
      JSON.stringify([
        'ConfigMap/wp-warmpath',
        'Deployment/wp-warmpath-api',
        'Secret/wp-warmpath',
        'Service/wp-warmpath',
      ]),
    `unexpected resources: ${kinds(render).join(', ')}`,
  );
  const api = find(render, 'Deployment', 'wp-warmpath-api');
  expect(api.spec.template.spec.serviceAccountName === 'default', 'default account');
  expect(containerEnv(api).get('MODE').value === 'all', 'without workers the api pods run the jobs too');
});

check('chart: names stay within 63 characters for the longest release name helm allows (53)', () => {
  renderChecked(REQUIRED, { Name: 'a-long-release-name-for-the-referral-platform-in-prod' });
});

// ---- docker ------------------------------------------------------------------------------------------------------

const envExample = read('docker/.env.example');
const documentedVariables = new Set(
  [...envExample.matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]),
);

check('compose: compose.yml wires postgres, redis, migrate, api and worker from one image', () => {
  const compose = parseYaml(read('docker/compose.yml'));
  const { services } = compose;
  for (const name of ['postgres', 'redis', 'migrate', 'api', 'worker'])
    expect(services[name], `service ${name} missing`);
  expect(services.postgres.image.startsWith('postgres:17'), 'Postgres 17');
  expect(services.redis.image.startsWith('redis:7'), 'Redis 7');
  expect(
    services.redis.command.join(' ').includes('--maxmemory-policy noeviction'),
    'BullMQ needs noeviction',
  );
  expect(services.postgres.healthcheck && services.redis.healthcheck, 'postgres and redis have healthchecks');
  const image = services.api.image;
  expect(
    services.worker.image === image && services.migrate.image === image,
    'api, worker and migrate share one image',
  );
  expect(
    services.api.environment.MODE === 'api' && services.worker.environment.MODE === 'worker',
    'MODE per service',
  );
  expect(
    JSON.stringify(services.migrate.command) === '["migrate","up"]' && services.migrate.restart === 'no',
    'one-shot migrate',
  );
  for (const name of ['api', 'worker']) {
    expect(
      services[name].depends_on.migrate.condition === 'service_completed_successfully',
      `${name} waits for migrate`,
    );
    expect(
      services[name].read_only === true && services[name].user === undefined,
      `${name}: read-only, image user`,
    );
  }
  const problems = [];
  for (const [name, service] of Object.entries(services)) {
    for (const dependency of Object.keys(service.depends_on ?? {})) {
      if (!services[dependency]) problems.push(`${name} depends on unknown ${dependency}`);
    }
    for (const volume of service.volumes ?? []) {
      const source = volume.split(':')[0];
      if (
        !source.startsWith('.') &&
        !source.startsWith('/') &&
        !Object.hasOwn(compose.volumes ?? {}, source)
      ) {
        problems.push(`${name}: volume ${source} is not declared`);
      }
    }
  }
  return problems;
});

check('compose: every variable compose.yml interpolates is documented in .env.example', () => {
  const used = [...read('docker/compose.yml').matchAll(/\$\{([A-Z][A-Z0-9_]*)/g)].map((match) => match[1]);
  return [...new Set(used)]
    .filter((name) => !documentedVariables.has(name))
    .map((name) => `${name} is not in .env.example`);
});

check('compose: .env.example documents every variable of the server configuration', () => {
  const schemaFile = 'apps/server/src/config/config.schema.ts';
  if (!existsSync(path.join(root, schemaFile))) return [`${schemaFile} not found`];
  const variables = [...read(schemaFile).matchAll(/^ {2}([A-Z][A-Z0-9_]+): /gm)].map((match) => match[1]);
  expect(variables.length > 5, `found only ${variables.length} variables in ${schemaFile}`);
  return variables
    .filter((name) => !documentedVariables.has(name))
    .map((name) => `${name} is not in .env.example`);
});

check('compose: compose.dev.yml publishes postgres and redis on localhost only', () => {
  const { services } = parseYaml(read('docker/compose.dev.yml'));
  expect(Object.keys(services).sort().join() === 'postgres,redis', 'only postgres and redis');
  const problems = [];
  for (const [name, service] of Object.entries(services)) {
    for (const port of service.ports ?? [])
      if (!port.startsWith('127.0.0.1:')) problems.push(`${name} publishes ${port} beyond localhost`);
    for (const volume of service.volumes ?? []) {
      const source = volume.split(':')[0];
      if (source.startsWith('.') && !existsSync(path.join(root, 'docker', source)))
        problems.push(`${name}: ${source} does not exist`);
    }
  }
  return problems;
});

check('docker: Dockerfile pins the repository pnpm, runs non-root, exposes 3000 with a health check', () => {
  const dockerfile = read('docker/Dockerfile');
  const packageManager = JSON.parse(read('package.json')).packageManager;
  const pinned = /ARG PNPM_VERSION=(\S+)/.exec(dockerfile)?.[1];
  expect(
    packageManager === `pnpm@${pinned}`,
    `Dockerfile pnpm ${pinned} differs from package.json ${packageManager}`,
  );
  const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
  expect(/^USER [1-9][0-9]*:[1-9][0-9]*$/m.test(runtime), 'runtime stage needs a numeric non-root USER');
  expect(/^EXPOSE 3000$/m.test(runtime), 'EXPOSE 3000');
  expect(/^HEALTHCHECK .*\n?.*\/healthz/m.test(runtime), 'HEALTHCHECK on /healthz');
  expect(
    runtime.includes('ENTRYPOINT ["node", "apps/server/dist/cli.js"]') && runtime.includes('CMD ["start"]'),
    'entrypoint',
  );
  expect(
    /^ENV [\s\S]*WARMPATH_DATA_DIR=\/data/m.test(runtime) && runtime.includes('VOLUME ["/data"]'),
    '/data volume',
  );
  expect(/pnpm install --frozen-lockfile/.test(dockerfile), 'frozen lockfile install');
  const node = /^ARG NODE_IMAGE=node:(\d+)/m.exec(dockerfile)?.[1];
  expect(Number(node) >= 22 && Number(node) % 2 === 0, `Node ${node} is not a current LTS line`);
});

check('docker: .dockerignore keeps node_modules, build output, local data and .env files out', () => {
  const ignored = new Set(
    read('.dockerignore')
      .split('\n')
      .map((line) => line.trim()),
  );
  return ['**/node_modules', '**/dist', '**/.warmpath', '**/.env', '.git']
    .filter((entry) => !ignored.has(entry))
    .map((e) => `${e} missing`);
});

process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed > 0 ? 1 : 0);
