{{/* The release's prefix for every object: <release>-<service>, at most 63 characters. */}}
{{- define "cm.fullname" -}}
{{- printf "%s-%s" .root.Release.Name .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "cm.labels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/part-of: chain-monitor
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{- define "cm.selector" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/* The image as Jib names it: chain-monitor/<service>:<version>, under the registry prefix. */}}
{{- define "cm.image" -}}
{{- $image := .root.Values.image -}}
{{- printf "%s%s/%s:%s" $image.registry $image.repository .name (default .root.Chart.AppVersion $image.tag) -}}
{{- end -}}

{{/* Where replica pods live: the configured namespace, else the release's. */}}
{{- define "cm.replicaNamespace" -}}
{{- default .Release.Namespace .Values.spawner.kubernetes.namespace -}}
{{- end -}}

{{- define "cm.kafkaBootstrap" -}}
{{- if .Values.kafka.strimzi.enabled -}}
{{- printf "%s-kafka-bootstrap:9092" .Values.kafka.strimzi.clusterName -}}
{{- else -}}
{{- .Values.kafka.bootstrapServers -}}
{{- end -}}
{{- end -}}

{{- define "cm.dbUrl" -}}
{{- if .Values.postgresql.cloudnativepg.enabled -}}
{{- printf "jdbc:postgresql://%s-rw:5432/chainmonitor" .Values.postgresql.cloudnativepg.clusterName -}}
{{- else -}}
{{- .Values.postgresql.url -}}
{{- end -}}
{{- end -}}

{{/* The Secret and key holding the database password: CloudNativePG's generated app Secret, or the configured one. */}}
{{- define "cm.dbPasswordRef" -}}
{{- if .Values.postgresql.cloudnativepg.enabled -}}
name: {{ printf "%s-app" .Values.postgresql.cloudnativepg.clusterName }}
key: password
{{- else -}}
name: {{ .Values.postgresql.passwordSecret.name }}
key: {{ .Values.postgresql.passwordSecret.key }}
{{- end -}}
{{- end -}}

{{/* Exactly one JWT key source, as the services demand at start. */}}
{{- define "cm.checkJwt" -}}
{{- $jwt := .Values.security.jwt -}}
{{- $count := 0 -}}
{{- if $jwt.jwkSetUri }}{{ $count = add1 $count }}{{ end -}}
{{- if $jwt.publicKeySecret.name }}{{ $count = add1 $count }}{{ end -}}
{{- if $jwt.hmacSecret.name }}{{ $count = add1 $count }}{{ end -}}
{{- if ne (int $count) 1 -}}
{{- fail (printf "security.jwt: set exactly one of jwkSetUri, publicKeySecret.name and hmacSecret.name (found %d)" (int $count)) -}}
{{- end -}}
{{- end -}}

{{/* Services that follow replicas' nodes and so need the node RPC secret. */}}
{{- define "cm.needsNodeRpc" -}}
{{- if has . (list "spawner-service" "chain-watcher-service" "wire-listener-service") }}true{{ end -}}
{{- end -}}
