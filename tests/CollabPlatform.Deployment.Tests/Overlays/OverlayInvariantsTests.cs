using System.Globalization;
using System.Text.Json.Nodes;
using CollabPlatform.Api.Configuration;
using CollabPlatform.Api.Identity;
using CollabPlatform.Deployment.Tests.Manifests;
using CollabPlatform.Deployment.Tests.Rendering;
using CollabPlatform.Host.Hosting;
using k8s;
using k8s.Models;

namespace CollabPlatform.Deployment.Tests.Overlays;

/// <summary>Rules every overlay under k8s/overlays must keep; each test runs once per overlay.</summary>
[Collection(RenderedOverlays.Collection)]
public sealed class OverlayInvariantsTests(RenderedOverlays overlays)
{
    // DefaultsHostingExtensions gives the Host 30 s to leave the cluster after SIGTERM.
    private const int HostShutdownSeconds = 30;

    private const string HostImage = "ghcr.io/collab-platform/collab-host";

    private const string HostConfigMapGenerator = "collab-host-config";

    // What Orleans' Kubernetes hosting calls (KubernetesClusterAgent): read its own pod, list and
    // watch the cluster's. It patches only pods missing their orleans/* labels and deletes only
    // with DeleteDefunctSiloPods; the Deployment sets the labels and the Host leaves that off.
    private static readonly string[] OrleansPodVerbs = ["get", "list", "watch"];

    // CloudNativePG creates these Secrets for a Cluster it runs: the application owner's
    // credentials and the cluster's certificate authority.
    private static readonly (string Suffix, string[] Keys)[] CloudNativePgSecrets =
        [("-app", ["username", "password", "host", "port", "dbname", "uri", "pgpass"]), ("-ca", ["ca.crt"])];

    public static TheoryData<string> Overlays => Overlay.AllWithBase;

    // The base leaves the namespace to each overlay.
    public static TheoryData<string> OverlaysWithoutBase => Overlay.All;

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Workloads_InEveryOverlay_SelectTheirOwnPodTemplates(string name)
    {
        var overlay = overlays[name];
        var violations = new Violations(overlay);

        foreach (var workload in overlay.Workloads.Where(w => w.String("kind") != "Job"))
        {
            var selector = workload.StringMap("spec", "selector", "matchLabels");
            var labels = workload.PodTemplate().StringMap("metadata", "labels");
            violations.Check(selector.Count > 0, $"{workload.Id()} has no spec.selector.matchLabels");
            foreach (var (key, value) in selector)
            {
                violations.Check(
                    labels.TryGetValue(key, out var label) && label == value,
                    $"{workload.Id()} selects {key}={value}, but its pod template has {key}={(labels.TryGetValue(key, out var actual) ? actual : "(none)")}");
            }
        }

        violations.AssertNone();
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Services_InEveryOverlay_SelectLongRunningPodsThatHaveTheirTargetPorts(string name)
    {
        var overlay = overlays[name];
        var violations = new Violations(overlay);

        foreach (var service in overlay.OfKind("Service"))
        {
            var selector = service.StringMap("spec", "selector");
            var selected = overlay.Workloads.Where(w => Overlay.Selects(selector, w.PodTemplate().StringMap("metadata", "labels"))).ToList();
            violations.Check(selected.Count > 0, $"{service.Id()} selects [{Describe(selector)}], which no workload's pods carry");
            foreach (var workload in selected)
            {
                violations.Check(workload.String("kind") is "Deployment" or "StatefulSet", $"{service.Id()} also selects the pods of {workload.Id()}");
                var containerPorts = workload.PodSpec()!.Objects("containers").SelectMany(c => c.Objects("ports")).ToList();
                foreach (var port in service.Objects("spec", "ports"))
                {
                    var target = port.Scalar("targetPort") ?? port.Scalar("port");
                    violations.Check(
                        containerPorts.Any(p => p.String("name") == target || p.Scalar("containerPort") == target),
                        $"{service.Id()} port {port.String("name")} targets '{target}', which {workload.Id()} has no container port for");
                }
            }
        }

        violations.AssertNone();
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void HostApiPorts_InEveryOverlay_AreTheConfiguredOnesAndTheGrpcProbesUseThem(string name)
    {
        var overlay = overlays[name];
        var host = overlay.HostContainerSpec;
        var violations = new Violations(overlay);
        var grpcPort = ContainerPort(host, "grpc");
        var httpPort = ContainerPort(host, "http");

        violations.Check(grpcPort is not null, "the Host container has no port named grpc");
        violations.Check(
            overlay.EnvironmentValue(host, "Collab__Api__GrpcPort") == grpcPort?.ToString(CultureInfo.InvariantCulture),
            $"Collab__Api__GrpcPort is {overlay.EnvironmentValue(host, "Collab__Api__GrpcPort") ?? "(unset)"}, the grpc container port {grpcPort}");
        violations.Check(
            overlay.EnvironmentValue(host, "Collab__Api__HttpPort") == httpPort?.ToString(CultureInfo.InvariantCulture),
            $"Collab__Api__HttpPort is {overlay.EnvironmentValue(host, "Collab__Api__HttpPort") ?? "(unset)"}, the http container port {httpPort}");
        violations.Check(
            overlay.EnvironmentValue(host, "Collab__Api__ListenAddress") == "0.0.0.0",
            $"Collab__Api__ListenAddress is {overlay.EnvironmentValue(host, "Collab__Api__ListenAddress") ?? "(unset)"}: the kubelet and the Service reach the pod on its own address, not on loopback");
        foreach (var probe in new[] { "startupProbe", "readinessProbe", "livenessProbe" })
        {
            var port = host.Integer(probe, "grpc", "port");
            violations.Check(port is not null, $"the Host's {probe} is not a gRPC probe");
            violations.Check(port is null || port == grpcPort, $"the Host's {probe} probes port {port}, the grpc container port is {grpcPort}");
        }

        violations.Check(
            host.String("readinessProbe", "grpc", "service") != host.String("livenessProbe", "grpc", "service"),
            "readiness and liveness ask the same health service: an outage of PostgreSQL would restart every replica instead of only taking them out of the Service");
        violations.AssertNone();
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void OrleansPorts_InEveryOverlay_TheSiloPortIsTheSettingAndThereIsNoGateway(string name)
    {
        var overlay = overlays[name];
        var host = overlay.HostContainerSpec;
        var violations = new Violations(overlay);

        var silo = ContainerPort(host, "silo")?.ToString(CultureInfo.InvariantCulture);
        var configured = overlay.EnvironmentValue(host, "Collab__Orleans__SiloPort");
        violations.Check(silo is not null, "the Host container has no port named silo");
        violations.Check(silo == configured, $"Collab__Orleans__SiloPort is {configured ?? "(unset)"}, the silo container port {silo ?? "(none)"}");
        var gateway = overlay.EnvironmentValue(host, "Collab__Orleans__GatewayPort");
        violations.Check(gateway is null or "0", $"Collab__Orleans__GatewayPort is {gateway}: an Orleans gateway trusts the principal its clients name");
        violations.Check(ContainerPort(host, "gateway") is null, "the Host container declares a gateway port");
        violations.AssertNone();
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void OrleansKubernetesHosting_InEveryOverlay_GetsThePodIdentityAndTheLabelsItSelectsBy(string name)
    {
        var overlay = overlays[name];
        var template = overlay.HostDeployment.PodTemplate()!;
        var labels = template.StringMap("metadata", "labels");
        var host = overlay.HostContainerSpec;
        var violations = new Violations(overlay);

        foreach (var (variable, field) in new[] { ("POD_NAME", "metadata.name"), ("POD_NAMESPACE", "metadata.namespace"), ("POD_IP", "status.podIP") })
        {
            violations.Check(FieldRef(host, variable) == field, $"{variable} must come from the downward API field {field}, not {FieldRef(host, variable) ?? "(nothing)"}");
        }

        foreach (var (label, variables) in new[]
        {
            ("orleans/serviceId", new[] { "ORLEANS_SERVICE_ID", "Collab__Orleans__ServiceId" }),
            ("orleans/clusterId", new[] { "ORLEANS_CLUSTER_ID", "Collab__Orleans__ClusterId" }),
        })
        {
            violations.Check(labels.TryGetValue(label, out var value) && value.Length > 0, $"the Host's pods lack the label {label}, by which Orleans lists the pods of its cluster");
            foreach (var variable in variables)
            {
                var fromLabel = FieldRef(host, variable) == $"metadata.labels['{label}']";
                var literal = overlay.EnvironmentValue(host, variable);
                violations.Check(
                    fromLabel || (literal is not null && labels.TryGetValue(label, out var same) && literal == same),
                    $"{variable} must equal the pod label {label} (best through the downward API), but is {literal ?? FieldRef(host, variable) ?? "(unset)"}");
            }
        }

        violations.Check(
            template.Boolean("spec", "automountServiceAccountToken") != false,
            "the Host's pods do not mount their service account token, which Orleans' Kubernetes hosting calls the API with");
        violations.AssertNone();
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Containers_InEveryOverlay_RequestAndLimitCpuAndMemoryWithinTheirLimits(string name)
    {
        var overlay = overlays[name];
        var violations = new Violations(overlay);

        foreach (var workload in overlay.Workloads)
        {
            foreach (var container in workload.PodSpec()!.AllContainers())
            {
                var where = $"{workload.Id()} container {container.String("name")}";
                foreach (var resource in new[] { "cpu", "memory" })
                {
                    var request = container.Scalar("resources", "requests", resource);
                    var limit = container.Scalar("resources", "limits", resource);
                    violations.Check(request is not null, $"{where} has no {resource} request");
                    violations.Check(limit is not null, $"{where} has no {resource} limit");
                    if (request is not null && limit is not null)
                    {
                        violations.Check(
                            new ResourceQuantity(request).ToDecimal() <= new ResourceQuantity(limit).ToDecimal(),
                            $"{where} requests {request} {resource}, more than its limit {limit}");
                    }
                }
            }
        }

        violations.AssertNone();
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Pods_InEveryOverlay_MeetTheRestrictedPodSecurityStandardWithAReadOnlyRoot(string name)
    {
        var overlay = overlays[name];
        var violations = new Violations(overlay);

        foreach (var workload in overlay.Workloads)
        {
            var spec = workload.PodSpec()!;
            var pod = spec.Object("securityContext");
            foreach (var hostNamespace in new[] { "hostNetwork", "hostPID", "hostIPC" })
            {
                violations.Check(spec.Boolean(hostNamespace) != true, $"{workload.Id()} sets {hostNamespace}");
            }

            violations.Check(!spec.Objects("volumes").Any(v => v.ContainsKey("hostPath")), $"{workload.Id()} mounts a hostPath volume");
            violations.Check(pod.Integer("runAsUser") is null or > 0, $"{workload.Id()} runs as user 0");
            foreach (var container in spec.AllContainers())
            {
                var where = $"{workload.Id()} container {container.String("name")}";
                var own = container.Object("securityContext");
                violations.Check(
                    own.Boolean("runAsNonRoot") ?? pod.Boolean("runAsNonRoot") ?? false,
                    $"{where} does not set runAsNonRoot: true (pod or container)");
                violations.Check(own.Integer("runAsUser") is null or > 0, $"{where} runs as user 0");
                violations.Check(own.Boolean("allowPrivilegeEscalation") == false, $"{where} does not set allowPrivilegeEscalation: false");
                violations.Check(own.Boolean("privileged") != true, $"{where} is privileged");
                violations.Check(own.Strings("capabilities", "drop").Contains("ALL"), $"{where} does not drop ALL capabilities");
                violations.Check(
                    own.Strings("capabilities", "add").All(c => c == "NET_BIND_SERVICE"),
                    $"{where} adds capabilities [{string.Join(", ", own.Strings("capabilities", "add"))}]");
                violations.Check(
                    (own.String("seccompProfile", "type") ?? pod.String("seccompProfile", "type")) is "RuntimeDefault" or "Localhost",
                    $"{where} has no RuntimeDefault seccomp profile (pod or container)");
                violations.Check(own.Boolean("readOnlyRootFilesystem") == true, $"{where} does not set readOnlyRootFilesystem: true");
            }
        }

        violations.AssertNone();
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Images_InEveryOverlay_ArePinnedToATagOtherThanLatest(string name)
    {
        var overlay = overlays[name];
        var violations = new Violations(overlay);

        foreach (var workload in overlay.Workloads)
        {
            foreach (var container in workload.PodSpec()!.AllContainers())
            {
                var image = container.String("image") ?? string.Empty;
                var (_, tag, digest) = ImageReference.Parse(image);
                violations.Check(
                    digest is not null || (tag is not null && tag != "latest"),
                    $"{workload.Id()} container {container.String("name")} runs '{image}': pin a version tag or a digest, never latest or none");
            }
        }

        violations.AssertNone();
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void DisruptionBudgetAndAutoscaler_InEveryOverlay_TargetTheHostDeployment(string name)
    {
        var overlay = overlays[name];
        var deployment = overlay.HostDeployment;
        var hostLabels = deployment.PodTemplate().StringMap("metadata", "labels");
        var violations = new Violations(overlay);

        var budgets = overlay.OfKind("PodDisruptionBudget").ToList();
        violations.Check(
            budgets.Any(b => Overlay.Selects(b.StringMap("spec", "selector", "matchLabels"), hostLabels)),
            $"no PodDisruptionBudget selects the Host's pods [{Describe(hostLabels)}]");
        foreach (var budget in budgets)
        {
            violations.Check(
                budget.At("spec", "minAvailable") is null != (budget.At("spec", "maxUnavailable") is null),
                $"{budget.Id()} must set exactly one of minAvailable and maxUnavailable");
            violations.Check(
                overlay.Workloads.Any(w => w.String("kind") != "Job" && Overlay.Selects(budget.StringMap("spec", "selector", "matchLabels"), w.PodTemplate().StringMap("metadata", "labels"))),
                $"{budget.Id()} selects no workload's pods");
        }

        var autoscalers = overlay.OfKind("HorizontalPodAutoscaler").ToList();
        var hostAutoscaler = autoscalers.FirstOrDefault(a => a.String("spec", "scaleTargetRef", "kind") == "Deployment" && a.String("spec", "scaleTargetRef", "name") == Overlay.HostName);
        violations.Check(hostAutoscaler is not null, "no HorizontalPodAutoscaler scales the Host's Deployment");
        foreach (var autoscaler in autoscalers)
        {
            var target = autoscaler.Object("spec", "scaleTargetRef");
            violations.Check(
                autoscaler.String("apiVersion") == "autoscaling/v2",
                $"{autoscaler.Id()} is {autoscaler.String("apiVersion")}, not autoscaling/v2");
            violations.Check(
                overlay.Objects.Any(o => o.String("kind") == target.String("kind") && o.String("metadata", "name") == target.String("name") && o.String("apiVersion") == target.String("apiVersion")),
                $"{autoscaler.Id()} scales {target.String("apiVersion")} {target.String("kind")}/{target.String("name")}, which the overlay does not render");
            var min = autoscaler.Integer("spec", "minReplicas") ?? 1;
            var max = autoscaler.Integer("spec", "maxReplicas") ?? 0;
            violations.Check(min >= 1 && min <= max, $"{autoscaler.Id()} scales from {min} to {max}");
            violations.Check(
                autoscaler.Objects("spec", "metrics").Any(m => m.String("resource", "name") == "cpu"),
                $"{autoscaler.Id()} does not scale on CPU");
            var scaled = overlay.Objects.FirstOrDefault(o => o.String("kind") == target.String("kind") && o.String("metadata", "name") == target.String("name"));
            violations.Check(
                scaled?.At("spec", "replicas") is null,
                $"{scaled?.Id()} states spec.replicas although {autoscaler.Id()} owns its count: every apply would scale it back");
            foreach (var budget in budgets.Where(b => b.Integer("spec", "minAvailable") is not null))
            {
                violations.Check(
                    budget.Integer("spec", "minAvailable") < min,
                    $"{budget.Id()} keeps {budget.Integer("spec", "minAvailable")} available of at least {min} replicas: a node drain could never evict one");
            }
        }

        violations.AssertNone();
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Rbac_InEveryOverlay_GrantsOrleansPodVerbsToTheHostsServiceAccount(string name)
    {
        var overlay = overlays[name];
        var deployment = overlay.HostDeployment;
        var account = deployment.PodSpec().String("serviceAccountName");
        var ns = deployment.String("metadata", "namespace");
        var violations = new Violations(overlay);

        violations.Check(account is not null and not "default", "the Host's pods run as the namespace's default service account; give them their own");
        violations.Check(overlay.Find("ServiceAccount", account ?? string.Empty) is not null, $"ServiceAccount {account} is not rendered");
        var granted = overlay.OfKind("RoleBinding")
            .Where(b => b.Objects("subjects").Any(s => s.String("kind") == "ServiceAccount" && s.String("name") == account && (s.String("namespace") ?? ns) == ns))
            .Where(b => b.String("roleRef", "kind") == "Role")
            .Select(b => overlay.Find("Role", b.String("roleRef", "name") ?? string.Empty))
            .OfType<JsonObject>()
            .SelectMany(r => r.Objects("rules"))
            .Where(rule => rule.Strings("apiGroups").Contains(string.Empty) && rule.Strings("resources").Contains("pods"))
            .SelectMany(rule => rule.Strings("verbs"))
            .ToHashSet(StringComparer.Ordinal);
        var missing = granted.Contains("*") ? [] : OrleansPodVerbs.Except(granted).ToList();
        violations.Check(missing.Count == 0, $"no Role bound to ServiceAccount {account} grants [{string.Join(", ", missing)}] on pods, which Orleans' Kubernetes hosting needs");
        var needless = granted.Except(OrleansPodVerbs).ToList();
        violations.Check(needless.Count == 0, $"ServiceAccount {account} may [{string.Join(", ", needless)}] pods, which Orleans' Kubernetes hosting does not need");
        violations.AssertNone();
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void MigrationJob_InEveryOverlay_RunsCollabMigrateFromTheHostsImageAndDatabase(string name)
    {
        var overlay = overlays[name];
        var job = overlay.MigrationJob;
        var host = overlay.HostContainerSpec;
        var hostSelector = overlay.HostDeployment.StringMap("spec", "selector", "matchLabels");
        var violations = new Violations(overlay);

        var containers = job.PodSpec()!.Objects("containers").ToList();
        violations.Check(containers.Count == 1, $"{job.Id()} has {containers.Count} containers, expected one");
        foreach (var container in containers)
        {
            violations.Check(
                container.String("image") == host.String("image"),
                $"{job.Id()} runs {container.String("image")}, the Host {host.String("image")}: the schema must be the one the running build expects");
            var commandLine = container.Strings("command").Concat(container.Strings("args")).ToList();
            violations.Check(
                commandLine.SequenceEqual(["collab", "migrate"]),
                $"{job.Id()} runs [{string.Join(" ", commandLine)}], expected `collab migrate`");
            // The schema's owner, not the Host's least-privileged login (DatabaseRolesOverlayTests).
            violations.Check(
                SecretKey(container, "ConnectionStrings__CollabMigrator") is { } jobSecret && jobSecret != SecretKey(host, "ConnectionStrings__Collab"),
                $"{job.Id()} reads ConnectionStrings__CollabMigrator from {SecretKey(container, "ConnectionStrings__CollabMigrator")}, the Host ConnectionStrings__Collab from {SecretKey(host, "ConnectionStrings__Collab")}");
        }

        violations.Check(job.PodSpec().String("restartPolicy") is "Never" or "OnFailure", $"{job.Id()} restartPolicy must be Never or OnFailure");
        violations.Check(
            !Overlay.Selects(hostSelector, job.PodTemplate().StringMap("metadata", "labels")),
            $"{job.Id()}'s pod carries the Host's selector labels: the Deployment and its Services would count it as a replica");
        violations.Check(
            overlay.EnvironmentValue(host, "Collab__Database__MigrateOnStart") == "false",
            "the Host migrates at start-up too (Collab__Database__MigrateOnStart is not false): the Job is the one place migrations run in the cluster");
        violations.AssertNone();
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void NetworkPolicies_InEveryOverlay_SelectTheHostAndOpenPortsItsPodsHave(string name)
    {
        var overlay = overlays[name];
        var hostLabels = overlay.HostDeployment.PodTemplate().StringMap("metadata", "labels");
        var host = overlay.HostContainerSpec;
        var violations = new Violations(overlay);

        var hostPolicy = overlay.OfKind("NetworkPolicy").FirstOrDefault(p => Overlay.Selects(p.StringMap("spec", "podSelector", "matchLabels"), hostLabels));
        violations.Check(hostPolicy is not null, $"no NetworkPolicy selects the Host's pods [{Describe(hostLabels)}]");
        foreach (var policy in overlay.OfKind("NetworkPolicy"))
        {
            var selected = overlay.Workloads.Where(w => Overlay.Selects(policy.StringMap("spec", "podSelector", "matchLabels"), w.PodTemplate().StringMap("metadata", "labels"))).ToList();
            violations.Check(selected.Count > 0, $"{policy.Id()} selects no workload's pods");
            foreach (var port in policy.Objects("spec", "ingress").SelectMany(r => r.Objects("ports")))
            {
                var value = port.Scalar("port");
                foreach (var workload in selected)
                {
                    violations.Check(
                        workload.PodSpec()!.Objects("containers").SelectMany(c => c.Objects("ports")).Any(p => p.String("name") == value || p.Scalar("containerPort") == value),
                        $"{policy.Id()} admits port {value}, which {workload.Id()} has no container port for");
                }
            }
        }

        if (hostPolicy is not null)
        {
            var admitted = hostPolicy.Objects("spec", "ingress").SelectMany(r => r.Objects("ports")).Select(p => p.Scalar("port")).ToHashSet();
            foreach (var port in new[] { "grpc", "http", "silo" })
            {
                violations.Check(
                    admitted.Contains(port) || admitted.Contains(ContainerPort(host, port)?.ToString(CultureInfo.InvariantCulture)),
                    $"{hostPolicy.Id()} does not admit the Host's {port} port");
            }

            violations.Check(!admitted.Contains("gateway") && !admitted.Contains("30000"), $"{hostPolicy.Id()} admits an Orleans gateway port");
            // NetworkPolicies add up: the Host may reach what any policy selecting it allows.
            var egress = overlay.OfKind("NetworkPolicy").Where(p => Overlay.Selects(p.StringMap("spec", "podSelector", "matchLabels"), hostLabels))
                .SelectMany(p => p.Objects("spec", "egress")).SelectMany(r => r.Objects("ports")).Select(p => p.Scalar("port")).ToHashSet();
            foreach (var (port, why) in new[] { ("5432", "PostgreSQL"), ("53", "DNS"), ("443", "the Kubernetes API") })
            {
                violations.Check(egress.Contains(port), $"no NetworkPolicy of the Host allows egress to port {port} ({why})");
            }
        }

        violations.AssertNone();
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void References_InEveryOverlay_NameRenderedObjectsOrTheSecretsTheReadmeSaysToCreate(string name)
    {
        var overlay = overlays[name];
        var external = DeploymentReadme.SecretsToCreate().ToDictionary();
        foreach (var cluster in overlay.OfKind("Cluster").Where(c => c.String("apiVersion") == "postgresql.cnpg.io/v1"))
        {
            foreach (var (suffix, keys) in CloudNativePgSecrets)
            {
                external[cluster.String("metadata", "name") + suffix] = keys.ToHashSet(StringComparer.Ordinal);
            }
        }

        var violations = new Violations(overlay);

        foreach (var workload in overlay.Workloads)
        {
            var spec = workload.PodSpec()!;
            if (spec.String("serviceAccountName") is { } account)
            {
                violations.Check(overlay.Find("ServiceAccount", account) is not null, $"{workload.Id()} runs as ServiceAccount {account}, which is not rendered");
            }

            foreach (var container in spec.AllContainers())
            {
                foreach (var source in container.Objects("envFrom"))
                {
                    if (source.String("configMapRef", "name") is { } configMap)
                    {
                        violations.Check(overlay.Find("ConfigMap", configMap) is not null, $"{workload.Id()} loads ConfigMap {configMap}, which is not rendered");
                    }

                    if (source.String("secretRef", "name") is { } secret)
                    {
                        violations.Check(overlay.Find("Secret", secret) is not null || external.ContainsKey(secret), $"{workload.Id()} loads Secret {secret}, which is neither rendered nor documented");
                    }
                }

                foreach (var variable in container.Objects("env"))
                {
                    if (variable.Object("valueFrom", "secretKeyRef") is { } reference)
                    {
                        var secret = reference.String("name") ?? string.Empty;
                        var key = reference.String("key") ?? string.Empty;
                        var rendered = overlay.Find("Secret", secret);
                        violations.Check(
                            rendered is not null ? rendered.StringMap("data").ContainsKey(key) : external.TryGetValue(secret, out var keys) && keys.Contains(key),
                            $"{workload.Id()} reads key {key} of Secret {secret}, which is {(rendered is null ? "neither rendered nor documented in docs/deployment.md" : "not in the rendered Secret")}");
                    }

                    if (variable.Object("valueFrom", "configMapKeyRef") is { } configReference)
                    {
                        violations.Check(
                            overlay.Find("ConfigMap", configReference.String("name") ?? string.Empty)?.StringMap("data").ContainsKey(configReference.String("key") ?? string.Empty) == true,
                            $"{workload.Id()} reads key {configReference.String("key")} of ConfigMap {configReference.String("name")}, which is not rendered");
                    }
                }
            }
        }

        violations.AssertNone();
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void HostShutdown_InEveryOverlay_LeavesTimeToDrainEndpointsAndLeaveTheCluster(string name)
    {
        var overlay = overlays[name];
        var spec = overlay.HostDeployment.PodSpec()!;
        var preStop = overlay.HostContainerSpec.Integer("lifecycle", "preStop", "sleep", "seconds");
        var grace = spec.Integer("terminationGracePeriodSeconds") ?? 30;
        var violations = new Violations(overlay);

        violations.Check(preStop is > 0, "the Host has no preStop sleep: it would stop accepting calls before every endpoint list has dropped it");
        violations.Check(grace >= 40, $"terminationGracePeriodSeconds is {grace}, at least 40 is needed");
        violations.Check(
            grace > (preStop ?? 0) + HostShutdownSeconds,
            $"terminationGracePeriodSeconds {grace} does not cover the preStop sleep ({preStop} s) plus the Host's {HostShutdownSeconds} s shutdown");
        violations.AssertNone();
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Objects_InEveryOverlay_LoadStrictlyIntoTheKubernetesApiModels(string name)
    {
        var overlay = overlays[name];
        var violations = new Violations(overlay);

        // Custom resources (CloudNativePG's) have no model here; CloudNativePgOverlayTests checks them.
        foreach (var item in overlay.Objects.Where(o => !(o.String("apiVersion") ?? string.Empty).StartsWith("postgresql.cnpg.io/", StringComparison.Ordinal)))
        {
            try
            {
                var loaded = KubernetesYaml.LoadAllFromString(item.ToJsonString(), strict: true);
                violations.Check(loaded.Count == 1 && loaded[0] is IKubernetesObject, $"{item.Id()} did not load as one Kubernetes object");
            }
            catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
            {
                violations.Check(false, $"{item.Id()} ({item.String("apiVersion")}) does not match the Kubernetes API schema: {ex.GetBaseException().Message}");
            }
        }

        violations.AssertNone();
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void HostSettings_InEveryOverlay_NameRealOptionsWithValuesOfTheirType(string name)
    {
        var overlay = overlays[name];
        var host = overlay.HostContainerSpec;
        var sections = new Dictionary<string, Type>(StringComparer.Ordinal)
        {
            [CollabOrleansOptions.Section] = typeof(CollabOrleansOptions),
            [OrleansTlsOptions.Section] = typeof(OrleansTlsOptions),
            [CollabApiOptions.Section] = typeof(CollabApiOptions),
            [CollabAuthOptions.Section] = typeof(CollabAuthOptions),
            [DatabaseOptions.Section] = typeof(DatabaseOptions),
            [TelemetryOptions.Section] = typeof(TelemetryOptions),
        };
        var violations = new Violations(overlay);

        var names = host.Objects("env").Select(e => e.String("name")).OfType<string>()
            .Concat(host.Objects("envFrom").Select(s => overlay.Find("ConfigMap", s.String("configMapRef", "name") ?? string.Empty)).OfType<JsonObject>().SelectMany(c => c.StringMap("data").Keys));
        foreach (var variable in names.Distinct())
        {
            var key = variable.Replace("__", ":", StringComparison.Ordinal);
            if (key.StartsWith("ConnectionStrings:", StringComparison.Ordinal))
            {
                violations.Check(key == $"ConnectionStrings:{DatabaseOptions.ConnectionStringName}", $"{variable} is not the connection string the Host reads (ConnectionStrings__{DatabaseOptions.ConnectionStringName})");
                continue;
            }

            var section = sections.Keys.OrderByDescending(s => s.Length).FirstOrDefault(s => key.StartsWith(s + ":", StringComparison.Ordinal));
            if (section is null)
            {
                continue;
            }

            var property = sections[section].GetProperty(key[(section.Length + 1)..]);
            violations.Check(property is not null, $"{variable} names no property of {sections[section].Name}: the Host would ignore it");
            var value = overlay.EnvironmentValue(host, variable);
            if (property is not null && value is not null)
            {
                violations.Check(
                    property.PropertyType == typeof(int) ? int.TryParse(value, CultureInfo.InvariantCulture, out _)
                    : property.PropertyType == typeof(bool) ? bool.TryParse(value, out _)
                    : true,
                    $"{variable}={value} is not a {property.PropertyType.Name}");
            }
        }

        violations.AssertNone();
    }

    [Theory]
    [MemberData(nameof(OverlaysWithoutBase))]
    public void Namespace_InEveryOverlay_HoldsEveryObjectAndEnforcesTheRestrictedStandard(string name)
    {
        var overlay = overlays[name];
        var namespaces = overlay.OfKind("Namespace").ToList();
        var violations = new Violations(overlay);

        violations.Check(namespaces.Count == 1, $"the overlay renders {namespaces.Count} Namespaces, expected its own one");
        var ns = namespaces.FirstOrDefault()?.String("metadata", "name");
        violations.Check(
            namespaces.FirstOrDefault().StringMap("metadata", "labels").GetValueOrDefault("pod-security.kubernetes.io/enforce") == "restricted",
            $"Namespace {ns} does not enforce the restricted Pod Security Standard");
        foreach (var item in overlay.Objects.Where(o => !KubernetesObjects.ClusterScopedKinds.Contains(o.String("kind") ?? string.Empty)))
        {
            violations.Check(item.String("metadata", "namespace") == ns, $"{item.Id()} is in namespace {item.String("metadata", "namespace") ?? "(none)"}, not {ns}");
        }

        violations.AssertNone();
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Containers_InEveryOverlay_HaveAnImageAndANameOfTheirOwnInTheirPod(string name)
    {
        var overlay = overlays[name];
        var violations = new Violations(overlay);

        // A patch merges into the container it names; a misspelt name would add a container without an image.
        foreach (var workload in overlay.Workloads)
        {
            var containers = workload.PodSpec()!.AllContainers().ToList();
            foreach (var duplicate in containers.GroupBy(c => c.String("name")).Where(g => g.Count() > 1))
            {
                violations.Check(false, $"{workload.Id()} has {duplicate.Count()} containers named {duplicate.Key}");
            }

            foreach (var container in containers)
            {
                violations.Check(!string.IsNullOrEmpty(container.String("name")), $"{workload.Id()} has a container without a name");
                violations.Check(!string.IsNullOrEmpty(container.String("image")), $"{workload.Id()} container {container.String("name")} has no image");
            }
        }

        violations.AssertNone();
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void HostSettings_InEveryOverlay_ComeFromAConfigMapNamedWithItsContentHash(string name)
    {
        var overlay = overlays[name];
        var violations = new Violations(overlay);

        // The hash in the name is what rolls the Deployment when a setting changes.
        var references = overlay.HostContainerSpec.Objects("envFrom").Select(s => s.String("configMapRef", "name")).OfType<string>().ToList();
        violations.Check(references.Count > 0, "the Host loads no ConfigMap of settings");
        foreach (var reference in references)
        {
            violations.Check(
                reference.StartsWith(HostConfigMapGenerator + "-", StringComparison.Ordinal) && reference.Length == HostConfigMapGenerator.Length + 11,
                $"the Host loads ConfigMap {reference}, not {HostConfigMapGenerator} with its content hash");
            violations.Check(overlay.Find("ConfigMap", reference) is not null, $"the Host loads ConfigMap {reference}, which is not rendered");
        }

        violations.AssertNone();
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void HostImage_InEveryOverlay_IsTheTagTheNearestImagesEntrySetsAndEveryEntryNamesARunningImage(string name)
    {
        var overlay = overlays[name];
        var violations = new Violations(overlay);
        var entries = ImageEntries(Overlay.FolderOf(name)).ToList();
        var running = overlay.Workloads.SelectMany(w => w.PodSpec()!.AllContainers()).Select(c => ImageReference.Parse(c.String("image") ?? string.Empty).Repository).ToHashSet(StringComparer.Ordinal);

        // An entry naming an image nothing runs (a misspelt repository) retags nothing, silently.
        foreach (var (kustomization, image, _) in entries)
        {
            violations.Check(running.Contains(image), $"{kustomization} sets the tag of {image}, which no container runs");
        }

        var tag = entries.FirstOrDefault(e => e.Image == HostImage).Tag;
        violations.Check(tag is not null, $"no kustomization from {name} down to the base sets the tag of {HostImage}");
        foreach (var workload in new[] { overlay.HostDeployment, overlay.MigrationJob })
        {
            foreach (var container in workload.PodSpec()!.AllContainers())
            {
                violations.Check(
                    container.String("image") == $"{HostImage}:{tag}",
                    $"{workload.Id()} container {container.String("name")} runs {container.String("image")}, the nearest images entry sets {HostImage}:{tag}");
            }
        }

        violations.AssertNone();
    }

    private static long? ContainerPort(JsonObject container, string name) =>
        container.Objects("ports").FirstOrDefault(p => p.String("name") == name).Integer("containerPort");

    private static string? FieldRef(JsonObject container, string variable) =>
        container.Objects("env").LastOrDefault(e => e.String("name") == variable).String("valueFrom", "fieldRef", "fieldPath");

    private static string? SecretKey(JsonObject container, string variable) =>
        container.Objects("env").LastOrDefault(e => e.String("name") == variable)?.Object("valueFrom", "secretKeyRef") is { } reference
            ? $"{reference.String("name")}/{reference.String("key")}"
            : null;

    // The images entries of a kustomization and of the folders it builds on, nearest first.
    private static IEnumerable<(string Kustomization, string Image, string? Tag)> ImageEntries(string folder)
    {
        var path = Path.Combine(folder, "kustomization.yaml");
        var kustomization = Yaml.LoadFile(path).Single();
        var entries = kustomization.Objects("images").Select(i => (Path.GetRelativePath(Repository.Root, path), i.String("name") ?? string.Empty, i.String("newTag")));
        var below = kustomization.Strings("resources").Select(r => Path.GetFullPath(Path.Combine(folder, r))).Where(Directory.Exists).SelectMany(ImageEntries);
        return entries.Concat(below);
    }

    private static string Describe(IReadOnlyDictionary<string, string> labels) => string.Join(", ", labels.Select(l => $"{l.Key}={l.Value}"));
}
