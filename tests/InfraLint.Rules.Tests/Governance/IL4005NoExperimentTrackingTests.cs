using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.Governance;

public sealed class IL4005NoExperimentTrackingTests
{
    private const string Id = "IL4005";

    private const string Job = """
        apiVersion: kubeflow.org/v1
        kind: PyTorchJob
        metadata:
          name: {|IL4005:churn-train|}
          namespace: training
        spec:
          pytorchReplicaSpecs:
            Master:
              template:
                spec:
                  containers:
                    - name: pytorch
                      image: ghcr.io/acme/churn-train:1.4.2
                      args: ["--epochs", "10", "--report_to", "tensorboard"]
        """;

    [Fact]
    public void Training_job_without_a_tracker_is_reported_at_its_name()
    {
        var finding = Assert.Single(Verify.Findings(Id, Job));
        Assert.Equal((Id, 4, 9), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
    }

    [Theory]
    [InlineData("env:\n  - name: MLFLOW_TRACKING_URI\n    value: http://mlflow:5000")]
    [InlineData("env:\n  - name: WANDB_API_KEY\n    valueFrom:\n      secretKeyRef: {name: wandb, key: key}")]
    [InlineData("envFrom:\n  - secretRef:\n      name: neptune-credentials")]
    [InlineData("command: [\"python\", \"train.py\", \"--report_to\", \"comet_ml\"]")]
    public void Tracker_wiring_in_env_secrets_or_arguments_counts(string wiring)
    {
        string indented = string.Join("\n", wiring.Split('\n').Select(line => new string(' ', 14) + line));
        Verify.NoFindings(Id, Plain(Job) + "\n" + indented + "\n");
    }

    [Fact]
    public void A_profile_may_declare_the_tracker_but_not_none()
    {
        Verify.NoFindings(Id, Plain(Job).Replace("  namespace: training\n", "  namespace: training\n  annotations:\n    infralint.dev/tracking: sagemaker-experiments\n"));
        Verify.Findings(Id, Job.Replace("  namespace: training\n", "  namespace: training\n  annotations:\n    infralint.dev/tracking: none\n"));
        var result = Lint.Files(("job.yaml", Plain(Job)), ("spec.yaml", """
            apiVersion: infralint.dev/v1alpha1
            kind: AIWorkload
            metadata:
              name: churn
            spec:
              role: training
              tracking:
                tool: clearml
              targets:
                - kind: PyTorchJob
                  name: churn-train
                  namespace: training
            """));
        Verify.NoParseFailures(result);
        Assert.Empty(result.Of(Id));
    }

    [Fact]
    public void Katib_experiments_track_their_trials_and_serving_is_not_training()
    {
        Verify.NoFindings(Id, """
            apiVersion: kubeflow.org/v1beta1
            kind: Experiment
            metadata:
              name: tune
            spec:
              trialTemplate:
                trialSpec:
                  apiVersion: batch/v1
                  kind: Job
                  spec:
                    template:
                      spec:
                        containers:
                          - name: training-container
                            image: ghcr.io/acme/mnist:1.0
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: llama
            spec:
              template:
                spec:
                  containers:
                    - name: vllm
                      image: vllm/vllm-openai:v0.6.3
            """);
    }

    [Fact]
    public void Benchmarks_and_hpc_programs_run_by_training_operators_are_not_training()
    {
        // Corpus false positives: NCCL tests and the MPI pi example as MPIJobs, LAMMPS as a Kubeflow TrainJob.
        Verify.NoFindings(Id, """
            apiVersion: kubeflow.org/v2beta1
            kind: MPIJob
            metadata:
              name: nccl-tests
            spec:
              mpiReplicaSpecs:
                Launcher:
                  template:
                    spec:
                      containers:
                        - name: launcher
                          image: ghcr.io/acme/nccl:2.21
                          command: [/opt/amazon/openmpi/bin/mpirun, -np, "16", /opt/nccl-tests/build/all_reduce_perf, -b, 8, -e, 2G]
            ---
            apiVersion: kubeflow.org/v2beta1
            kind: MPIJob
            metadata:
              name: pi
            spec:
              mpiReplicaSpecs:
                Launcher:
                  template:
                    spec:
                      containers:
                        - name: launcher
                          image: mpioperator/mpi-pi:intel
            ---
            apiVersion: trainer.kubeflow.org/v1alpha1
            kind: TrainJob
            metadata:
              name: lammps
            spec:
              runtimeRef:
                name: flux-runtime
              trainer:
                image: ghcr.io/flux-framework/tutorials:gpu-lammps-hwloc
                command: [lmp_gpu, -k, "on", g, "8", -in, in.reaxff.hns]
            """);
    }

    private static string Plain(string markup) => Markup.Parse("x.yaml", markup).Text;
}
