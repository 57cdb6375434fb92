{{/* Chart name, overridable. */}}
{{- define "warmpath.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Release-scoped full name; kept short enough for suffixes such as "-worker" and "-migrate". */}}
{{- define "warmpath.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 48 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 48 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 48 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "warmpath.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels that select this release's pods; never change them (selectors are immutable). */}}
{{- define "warmpath.selectorLabels" -}}
app.kubernetes.io/name: {{ include "warmpath.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "warmpath.labels" -}}
helm.sh/chart: {{ include "warmpath.chart" . }}
{{ include "warmpath.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: warmpath
{{- end -}}

{{- define "warmpath.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "warmpath.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "warmpath.image" -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}
{{- end -}}

{{/* Stops the render with a clear message when a required setting is missing or inconsistent. */}}
{{- define "warmpath.validate" -}}
{{- if not .Values.publicUrl -}}
{{- fail "publicUrl is required: the URL people's browsers use, e.g. https://refer.example.com" -}}
{{- end -}}
{{- if not (or .Values.database.url .Values.database.existingSecret.name) -}}
{{- fail "database.url or database.existingSecret.name is required: Warmpath needs an existing PostgreSQL 15+ database" -}}
{{- end -}}
{{- if not (or .Values.redis.url .Values.redis.existingSecret.name) -}}
{{- fail "redis.url or redis.existingSecret.name is required: the api and worker pods share jobs through Redis" -}}
{{- end -}}
{{- if not (or .Values.secretKey.value .Values.secretKey.existingSecret.name) -}}
{{- fail "secretKey.value or secretKey.existingSecret.name is required (32+ characters, e.g. openssl rand -base64 32)" -}}
{{- end -}}
{{- if and .Values.secretKey.value (lt (len .Values.secretKey.value) 32) -}}
{{- fail "secretKey.value must be at least 32 characters" -}}
{{- end -}}
{{- $admin := .Values.bootstrap.admin -}}
{{- if and (not $admin.existingSecret.name) (ne (empty $admin.email) (empty $admin.password)) -}}
{{- fail "bootstrap.admin.email and bootstrap.admin.password must be set together" -}}
{{- end -}}
{{- end -}}

{{/*
One secret environment variable. Arguments (a dict): env (variable name), value (inline value), existing (an
existingSecret block with name and key) and secretName (the chart's Secret that holds inline values). Renders nothing
when neither an inline value nor an existing Secret is set.
*/}}
{{- define "warmpath.secretEnv" -}}
{{- if .existing.name }}
- name: {{ .env }}
  valueFrom:
    secretKeyRef:
      name: {{ .existing.name }}
      key: {{ .existing.key }}
{{- else if .value }}
- name: {{ .env }}
  valueFrom:
    secretKeyRef:
      name: {{ .secretName }}
      key: {{ .env }}
{{- end }}
{{- end -}}

{{/* DATABASE_URL, REDIS_URL, WARMPATH_SECRET_KEY, SMTP_URL and METRICS_TOKEN. Argument: dict with root (.) and secretName. */}}
{{- define "warmpath.connectionEnv" -}}
{{- $v := .root.Values -}}
{{- include "warmpath.secretEnv" (dict "env" "DATABASE_URL" "value" $v.database.url "existing" $v.database.existingSecret "secretName" .secretName) }}
{{- include "warmpath.secretEnv" (dict "env" "REDIS_URL" "value" $v.redis.url "existing" $v.redis.existingSecret "secretName" .secretName) }}
{{- include "warmpath.secretEnv" (dict "env" "WARMPATH_SECRET_KEY" "value" $v.secretKey.value "existing" $v.secretKey.existingSecret "secretName" .secretName) }}
{{- include "warmpath.secretEnv" (dict "env" "SMTP_URL" "value" $v.smtp.url "existing" $v.smtp.existingSecret "secretName" .secretName) }}
{{- include "warmpath.secretEnv" (dict "env" "METRICS_TOKEN" "value" $v.metrics.token.value "existing" $v.metrics.token.existingSecret "secretName" .secretName) }}
{{- end -}}

{{/* WARMPATH_BOOTSTRAP_API_KEY and the bootstrap owner; only the api pods apply them. Argument: the root context. */}}
{{- define "warmpath.bootstrapEnv" -}}
{{- $b := .Values.bootstrap -}}
{{- $secretName := include "warmpath.fullname" . -}}
{{- include "warmpath.secretEnv" (dict "env" "WARMPATH_BOOTSTRAP_API_KEY" "value" $b.apiKey.value "existing" $b.apiKey.existingSecret "secretName" $secretName) }}
{{- include "warmpath.secretEnv" (dict "env" "WARMPATH_ADMIN_EMAIL" "value" $b.admin.email "existing" (dict "name" $b.admin.existingSecret.name "key" $b.admin.existingSecret.emailKey) "secretName" $secretName) }}
{{- include "warmpath.secretEnv" (dict "env" "WARMPATH_ADMIN_PASSWORD" "value" $b.admin.password "existing" (dict "name" $b.admin.existingSecret.name "key" $b.admin.existingSecret.passwordKey) "secretName" $secretName) }}
{{- end -}}

{{/* Inline secret values as Secret data (base64), keyed by variable name. Argument: dict with root and bootstrap (bool). */}}
{{- define "warmpath.secretData" -}}
{{- $v := .root.Values -}}
{{- if and $v.database.url (not $v.database.existingSecret.name) }}
DATABASE_URL: {{ $v.database.url | b64enc | quote }}
{{- end }}
{{- if and $v.redis.url (not $v.redis.existingSecret.name) }}
REDIS_URL: {{ $v.redis.url | b64enc | quote }}
{{- end }}
{{- if and $v.secretKey.value (not $v.secretKey.existingSecret.name) }}
WARMPATH_SECRET_KEY: {{ $v.secretKey.value | b64enc | quote }}
{{- end }}
{{- if and $v.smtp.url (not $v.smtp.existingSecret.name) }}
SMTP_URL: {{ $v.smtp.url | b64enc | quote }}
{{- end }}
{{- if and $v.metrics.token.value (not $v.metrics.token.existingSecret.name) }}
METRICS_TOKEN: {{ $v.metrics.token.value | b64enc | quote }}
{{- end }}
{{- if .bootstrap }}
{{- if and $v.bootstrap.apiKey.value (not $v.bootstrap.apiKey.existingSecret.name) }}
WARMPATH_BOOTSTRAP_API_KEY: {{ $v.bootstrap.apiKey.value | b64enc | quote }}
{{- end }}
{{- if not $v.bootstrap.admin.existingSecret.name }}
{{- with $v.bootstrap.admin.email }}
WARMPATH_ADMIN_EMAIL: {{ . | b64enc | quote }}
{{- end }}
{{- with $v.bootstrap.admin.password }}
WARMPATH_ADMIN_PASSWORD: {{ . | b64enc | quote }}
{{- end }}
{{- end }}
{{- end }}
{{- end -}}

{{/* Non-secret settings as name → value, shared by the ConfigMap and the migration hook. */}}
{{- define "warmpath.configData" -}}
PUBLIC_URL: {{ .Values.publicUrl | trimSuffix "/" | quote }}
LOG_LEVEL: {{ .Values.config.logLevel | quote }}
WARMPATH_PLUGINS: {{ join "," .Values.config.plugins | quote }}
WARMPATH_DEMO: {{ .Values.config.demo | toString | quote }}
{{- /* Behind the chart's Ingress the controller is the one proxy; without one, nothing is trusted unless asked. */}}
{{- with default (ternary "1" "" .Values.ingress.enabled) .Values.config.trustProxy }}
TRUST_PROXY: {{ . | quote }}
{{- end }}
HOST: "0.0.0.0"
PORT: "3000"
WARMPATH_DATA_DIR: "/data"
{{- end -}}

{{/* The writable emptyDirs of a read-only root filesystem. */}}
{{- define "warmpath.volumes" -}}
- name: tmp
  emptyDir:
    sizeLimit: {{ .Values.volumes.tmp.sizeLimit }}
- name: data
  emptyDir:
    sizeLimit: {{ .Values.volumes.data.sizeLimit }}
{{- end -}}

{{- define "warmpath.volumeMounts" -}}
- name: tmp
  mountPath: /tmp
- name: data
  mountPath: /data
{{- end -}}

{{/* Rolls pods when the configuration or the chart's Secret changes. */}}
{{- define "warmpath.checksums" -}}
checksum/config: {{ include "warmpath.configData" . | sha256sum }}
checksum/secret: {{ include "warmpath.secretData" (dict "root" . "bootstrap" true) | sha256sum }}
{{- end -}}

{{/*
A Deployment for one MODE. Argument: dict with root (.), component ("api" or "worker") and settings (.Values.api or
.Values.worker).
*/}}
{{- define "warmpath.deployment" -}}
{{- $root := .root -}}
{{- $settings := .settings -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "warmpath.fullname" $root }}-{{ .component }}
  labels:
    {{- include "warmpath.labels" $root | nindent 4 }}
    app.kubernetes.io/component: {{ .component }}
spec:
  {{- if not $settings.autoscaling.enabled }}
  replicas: {{ $settings.replicaCount }}
  {{- end }}
  revisionHistoryLimit: 5
  {{- with $settings.strategy }}
  strategy:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "warmpath.selectorLabels" $root | nindent 6 }}
      app.kubernetes.io/component: {{ .component }}
  template:
    metadata:
      annotations:
        {{- include "warmpath.checksums" $root | nindent 8 }}
        {{- with $root.Values.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
        {{- with $settings.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      labels:
        {{- include "warmpath.labels" $root | nindent 8 }}
        app.kubernetes.io/component: {{ .component }}
        {{- with $root.Values.podLabels }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      serviceAccountName: {{ include "warmpath.serviceAccountName" $root }}
      automountServiceAccountToken: {{ $root.Values.serviceAccount.automountServiceAccountToken }}
      {{- with $root.Values.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $settings.priorityClassName }}
      priorityClassName: {{ . }}
      {{- end }}
      securityContext:
        {{- toYaml $root.Values.podSecurityContext | nindent 8 }}
      terminationGracePeriodSeconds: {{ $settings.terminationGracePeriodSeconds }}
      containers:
        - name: {{ .component }}
          image: {{ include "warmpath.image" $root | quote }}
          imagePullPolicy: {{ $root.Values.image.pullPolicy }}
          args: ["start"]
          ports:
            - name: http
              containerPort: 3000
              protocol: TCP
          envFrom:
            - configMapRef:
                name: {{ include "warmpath.fullname" $root }}
            {{- with $root.Values.extraEnvFrom }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          env:
            # Without worker pods, the api pods run the jobs too (MODE=all).
            - name: MODE
              value: {{ ternary "all" .component (and (eq .component "api") (not $root.Values.worker.enabled)) | quote }}
            {{- include "warmpath.connectionEnv" (dict "root" $root "secretName" (include "warmpath.fullname" $root)) | trim | nindent 12 }}
            {{- if eq .component "api" }}
            {{- with include "warmpath.bootstrapEnv" $root | trim }}
            {{- . | nindent 12 }}
            {{- end }}
            {{- end }}
            {{- with $root.Values.extraEnv }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
            {{- with $settings.extraEnv }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          {{- with $settings.startupProbe }}
          startupProbe:
            {{- toYaml . | nindent 12 }}
          {{- end }}
          {{- with $settings.livenessProbe }}
          livenessProbe:
            {{- toYaml . | nindent 12 }}
          {{- end }}
          {{- with $settings.readinessProbe }}
          readinessProbe:
            {{- toYaml . | nindent 12 }}
          {{- end }}
          resources:
            {{- toYaml $settings.resources | nindent 12 }}
          securityContext:
            {{- toYaml $root.Values.securityContext | nindent 12 }}
          volumeMounts:
            {{- include "warmpath.volumeMounts" $root | nindent 12 }}
      volumes:
        {{- include "warmpath.volumes" $root | nindent 8 }}
      {{- with $settings.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $settings.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $settings.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $settings.topologySpreadConstraints }}
      topologySpreadConstraints:
        {{- toYaml . | nindent 8 }}
      {{- end }}
{{- end -}}

{{/* A HorizontalPodAutoscaler for one component. Argument: dict with root, component and settings. */}}
{{- define "warmpath.hpa" -}}
{{- $autoscaling := .settings.autoscaling -}}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "warmpath.fullname" .root }}-{{ .component }}
  labels:
    {{- include "warmpath.labels" .root | nindent 4 }}
    app.kubernetes.io/component: {{ .component }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "warmpath.fullname" .root }}-{{ .component }}
  minReplicas: {{ $autoscaling.minReplicas }}
  maxReplicas: {{ $autoscaling.maxReplicas }}
  metrics:
    {{- if $autoscaling.targetCPUUtilizationPercentage }}
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ $autoscaling.targetCPUUtilizationPercentage }}
    {{- end }}
    {{- if $autoscaling.targetMemoryUtilizationPercentage }}
    - type: Resource
      resource:
        name: memory
        target:
          type: Utilization
          averageUtilization: {{ $autoscaling.targetMemoryUtilizationPercentage }}
    {{- end }}
{{- end -}}

{{/* A PodDisruptionBudget for one component. Argument: dict with root, component and settings. */}}
{{- define "warmpath.pdb" -}}
{{- $budget := .settings.podDisruptionBudget -}}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "warmpath.fullname" .root }}-{{ .component }}
  labels:
    {{- include "warmpath.labels" .root | nindent 4 }}
    app.kubernetes.io/component: {{ .component }}
spec:
  {{- if hasKey $budget "maxUnavailable" }}
  maxUnavailable: {{ $budget.maxUnavailable }}
  {{- else }}
  minAvailable: {{ default 1 $budget.minAvailable }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "warmpath.selectorLabels" .root | nindent 6 }}
      app.kubernetes.io/component: {{ .component }}
{{- end -}}
