// Structural checks on rendered Kubernetes manifests: what the API server or the running pods would otherwise reject
// or get wrong (dangling references, selectors that select nothing, hooks that need resources not yet created, pods
// that could write to their image). Each check returns problems as strings; empty means fine.

const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

const isMap = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Kind/name → document, for reference checks. */
export function indexManifests(manifests) {
  const byKey = new Map();
  for (const { document } of manifests) byKey.set(`${document.kind}/${document.metadata?.name}`, document);
  return byKey;
}

function selects(selector, labels) {
  return Object.entries(selector ?? {}).every(([key, value]) => labels?.[key] === value);
}

function hookWeight(document) {
  const annotations = document.metadata?.annotations ?? {};
  if (!annotations['helm.sh/hook']) return null;
  return Number(annotations['helm.sh/hook-weight'] ?? 0);
}

function podTemplate(document) {
  if (document.kind === 'Deployment' || document.kind === 'Job') return document.spec?.template;
  return null;
}

/**
 * Every check on one render. `existingSecrets` are the Secret names the values point at (not rendered by the chart).
 * @param {{ file: string, document: any }[]} manifests
 * @param {{ existingSecrets: Set<string> }} context
 */
export function checkManifests(manifests, context) {
  const problems = [];
  const index = indexManifests(manifests);
  const seen = new Set();
  const deployments = manifests.map((m) => m.document).filter((d) => d.kind === 'Deployment');

  for (const { file, document } of manifests) {
    const where = `${file} ${document.kind}/${document.metadata?.name}`;
    if (!document.apiVersion || !document.kind || !document.metadata?.name) {
      problems.push(`${file}: a document lacks apiVersion, kind or metadata.name`);
      continue;
    }
    const key = `${document.kind}/${document.metadata.name}`;
    if (seen.has(key)) problems.push(`${where}: rendered twice`);
    seen.add(key);
    if (!NAME.test(document.metadata.name) || document.metadata.name.length > 63) {
      problems.push(`${where}: name is not a DNS-1123 label of at most 63 characters`);
    }
    for (const [label, value] of Object.entries(document.metadata.labels ?? {})) {
      if (typeof value !== 'string' || value.length > 63 || !LABEL_VALUE.test(value)) {
        problems.push(`${where}: label ${label}=${value} is not a valid label value`);
      }
    }
    for (const [annotation, value] of Object.entries(document.metadata.annotations ?? {})) {
      if (typeof value !== 'string') problems.push(`${where}: annotation ${annotation} must be a string`);
    }
    if (document.kind === 'Secret') {
      for (const [name, value] of Object.entries(document.data ?? {})) {
        if (typeof value !== 'string' || Buffer.from(value, 'base64').toString('base64') !== value) {
          problems.push(`${where}: data.${name} is not base64`);
        }
      }
    }
    if (document.kind === 'ConfigMap') {
      for (const [name, value] of Object.entries(document.data ?? {})) {
        if (typeof value !== 'string')
          problems.push(`${where}: data.${name} must be a string, got ${typeof value}`);
      }
    }
    const template = podTemplate(document);
    if (template) problems.push(...checkPod(document, template, where, index, context));
    if (
      document.kind === 'Deployment' &&
      !selects(document.spec?.selector?.matchLabels, template?.metadata?.labels)
    ) {
      problems.push(`${where}: selector does not match the pod template labels`);
    }
    if (document.kind === 'Service') {
      const target = deployments.find((d) =>
        selects(document.spec?.selector, d.spec.template.metadata.labels),
      );
      if (!target) problems.push(`${where}: selector matches no Deployment's pods`);
      const portNames = new Set(
        target?.spec.template.spec.containers.flatMap((c) => (c.ports ?? []).map((p) => p.name)),
      );
      for (const port of document.spec?.ports ?? []) {
        if (typeof port.targetPort === 'string' && !portNames.has(port.targetPort)) {
          problems.push(`${where}: targetPort ${port.targetPort} is not a container port name`);
        }
      }
    }
    if (document.kind === 'Ingress') {
      for (const rule of document.spec?.rules ?? []) {
        for (const route of rule.http?.paths ?? []) {
          const service = index.get(`Service/${route.backend?.service?.name}`);
          if (!service)
            problems.push(`${where}: backend service ${route.backend?.service?.name} is not rendered`);
          else if (!service.spec.ports.some((p) => p.name === route.backend.service.port?.name)) {
            problems.push(
              `${where}: backend port ${route.backend.service.port?.name} is not a port of the Service`,
            );
          }
        }
      }
    }
    if (document.kind === 'HorizontalPodAutoscaler') {
      const target = document.spec?.scaleTargetRef;
      if (!index.get(`${target?.kind}/${target?.name}`))
        problems.push(`${where}: scale target ${target?.name} is not rendered`);
      if (!(document.spec.minReplicas <= document.spec.maxReplicas))
        problems.push(`${where}: minReplicas > maxReplicas`);
      if (!Array.isArray(document.spec.metrics) || document.spec.metrics.length === 0)
        problems.push(`${where}: no metrics`);
    }
    if (document.kind === 'PodDisruptionBudget') {
      const both = 'minAvailable' in document.spec && 'maxUnavailable' in document.spec;
      if (both) problems.push(`${where}: sets both minAvailable and maxUnavailable`);
      if (
        !deployments.some((d) =>
          selects(document.spec.selector?.matchLabels, d.spec.template.metadata.labels),
        )
      ) {
        problems.push(`${where}: selector matches no Deployment's pods`);
      }
    }
    if (document.kind === 'ServiceMonitor') {
      const services = manifests
        .map((m) => m.document)
        .filter(
          (d) => d.kind === 'Service' && selects(document.spec?.selector?.matchLabels, d.metadata.labels),
        );
      if (services.length === 0) problems.push(`${where}: selects no Service`);
      for (const endpoint of document.spec?.endpoints ?? []) {
        for (const service of services) {
          if (!service.spec.ports.some((p) => p.name === endpoint.port)) {
            problems.push(`${where}: Service ${service.metadata.name} has no port ${endpoint.port}`);
          }
        }
      }
    }
  }
  return problems;
}

function checkPod(owner, template, where, index, context) {
  const problems = [];
  const spec = template.spec ?? {};
  const ownerWeight = hookWeight(owner);
  const isHook = ownerWeight !== null;
  const volumes = new Set((spec.volumes ?? []).map((v) => v.name));

  // A hook runs before the release's ordinary resources exist (on install): it may only use hook resources created
  // at a lower weight, or resources the user created beforehand.
  const reachable = (kind, name) => {
    const target = index.get(`${kind}/${name}`);
    if (!target) return { found: false };
    if (!isHook) return { found: true, document: target };
    const weight = hookWeight(target);
    return { found: true, document: target, usableByHook: weight !== null && weight < ownerWeight };
  };

  if (spec.serviceAccountName && spec.serviceAccountName !== 'default') {
    const account = reachable('ServiceAccount', spec.serviceAccountName);
    if (!account.found && !context.externalServiceAccounts?.has(spec.serviceAccountName)) {
      problems.push(`${where}: ServiceAccount ${spec.serviceAccountName} is not rendered`);
    }
    if (account.found && isHook && !account.usableByHook) {
      problems.push(
        `${where}: hook uses ServiceAccount ${spec.serviceAccountName}, which does not exist yet on install`,
      );
    }
  }
  const podSecurity = spec.securityContext ?? {};
  for (const container of spec.containers ?? []) {
    const at = `${where} container ${container.name}`;
    if (!container.image || /:$|@$/.test(container.image)) problems.push(`${at}: no image`);
    const security = container.securityContext ?? {};
    if (security.readOnlyRootFilesystem !== true) problems.push(`${at}: root filesystem is writable`);
    if (security.allowPrivilegeEscalation !== false) problems.push(`${at}: privilege escalation allowed`);
    if ((security.runAsNonRoot ?? podSecurity.runAsNonRoot) !== true) problems.push(`${at}: may run as root`);
    for (const mount of container.volumeMounts ?? []) {
      if (!volumes.has(mount.name)) problems.push(`${at}: volumeMount ${mount.name} has no volume`);
    }
    const mounts = new Set((container.volumeMounts ?? []).map((m) => m.mountPath));
    if (!mounts.has('/tmp')) problems.push(`${at}: no writable /tmp`);
    const portNames = new Set((container.ports ?? []).map((p) => p.name));
    for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe']) {
      const port = container[probe]?.httpGet?.port;
      if (typeof port === 'string' && !portNames.has(port))
        problems.push(`${at}: ${probe} port ${port} is not a container port`);
    }
    const names = new Set();
    for (const variable of container.env ?? []) {
      if (!isMap(variable) || typeof variable.name !== 'string') {
        problems.push(`${at}: malformed env entry ${JSON.stringify(variable)}`);
        continue;
      }
      if (names.has(variable.name)) problems.push(`${at}: env ${variable.name} set twice`);
      names.add(variable.name);
      if ('value' in variable && typeof variable.value !== 'string')
        problems.push(`${at}: env ${variable.name} value must be a string`);
      const ref = variable.valueFrom?.secretKeyRef;
      if (ref)
        problems.push(...checkSecretRef(ref, `${at} env ${variable.name}`, reachable, isHook, context));
    }
    for (const source of container.envFrom ?? []) {
      if (source.configMapRef) {
        const map = reachable('ConfigMap', source.configMapRef.name);
        if (!map.found && !context.externalConfigMaps?.has(source.configMapRef.name)) {
          problems.push(`${at}: ConfigMap ${source.configMapRef.name} is not rendered`);
        }
        if (map.found && isHook && !map.usableByHook)
          problems.push(`${at}: hook uses ConfigMap ${source.configMapRef.name} before it exists`);
      }
    }
  }
  return problems;
}

function checkSecretRef(ref, at, reachable, isHook, context) {
  const secret = reachable('Secret', ref.name);
  if (!secret.found) {
    return context.existingSecrets.has(ref.name)
      ? []
      : [`${at}: Secret ${ref.name} is neither rendered nor configured`];
  }
  const problems = [];
  if (isHook && !secret.usableByHook)
    problems.push(`${at}: hook reads Secret ${ref.name} before it exists on install`);
  if (!Object.hasOwn(secret.document.data ?? {}, ref.key))
    problems.push(`${at}: Secret ${ref.name} has no key ${ref.key}`);
  return problems;
}

/** The container env of a rendered Deployment or Job, as name → entry. */
export function containerEnv(document) {
  const container = document.spec.template.spec.containers[0];
  return new Map((container.env ?? []).map((entry) => [entry.name, entry]));
}
