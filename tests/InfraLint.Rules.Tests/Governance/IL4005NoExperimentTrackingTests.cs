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


    [Theory]
    [InlineData("[\"nsys\", \"profile\", \"-o\", \"/out/step\", \"torchrun\", \"--nproc_per_node=8\", \"main.py\"]")]
    [InlineData("[\"dcgmproftester12\", \"--no-dcgm-validation\", \"-t\", \"1004\", \"-d\", \"120\"]")]
    [InlineData("[\"bash\", \"-c\", \"neuron_parallel_compile torchrun --nproc_per_node=32 run_clm.py\"]")]
    public void A_trainer_kind_that_profiles_or_precompiles_does_not_train(string command) =>
        Verify.NoFindings(Id, """
            apiVersion: kubeflow.org/v1
            kind: PyTorchJob
            metadata:
              name: churn-profile
            spec:
              pytorchReplicaSpecs:
                Master:
                  template:
                    spec:
                      containers:
                        - name: pytorch
                          image: ghcr.io/acme/llm:1.4.2
            """ + "\n              command: " + command + "\n");

    [Theory]
    [InlineData("batch/v1", "Job", "spec:\n  template:\n    spec:\n      containers:\n        - name: train\n          image: ghcr.io/acme/llm:1.4.2\n          command: [\"accelerate\", \"launch\", \"sft.py\"]")]
    [InlineData("batch.volcano.sh/v1alpha1", "Job", "spec:\n  minAvailable: 2\n  tasks:\n    - name: worker\n      replicas: 2\n      template:\n        spec:\n          containers:\n            - name: train\n              image: ghcr.io/acme/llm:1.4.2\n              command: [\"torchrun\", \"--nnodes=2\", \"main.py\"]")]
    [InlineData("jobset.x-k8s.io/v1alpha2", "JobSet", "spec:\n  replicatedJobs:\n    - name: workers\n      template:\n        spec:\n          template:\n            spec:\n              containers:\n                - name: train\n                  image: ghcr.io/acme/jax:1\n                  command: [\"python\", \"Gemma3LLMTrain.py\", \"--maxlen\", \"256\"]")]
    [InlineData("ray.io/v1", "RayJob", "spec:\n  entrypoint: python /app/train.py --epochs 3\n  rayClusterSpec:\n    headGroupSpec:\n      template:\n        spec:\n          containers:\n            - name: ray-head\n              image: rayproject/ray:2.41.0")]
    public void A_training_entry_point_makes_a_job_of_any_kind_training(string apiVersion, string kind, string spec)
    {
        var findings = Verify.Findings(Id, $"apiVersion: {apiVersion}\nkind: {kind}\nmetadata:\n  name: {{|{Id}:llm-train|}}\n" + spec + "\n");
        Assert.Equal(new[] { (Id, 4, 9) }, findings.Positions());
    }

    [Fact]
    public void A_job_whose_program_is_not_a_training_entry_point_is_not_training() =>
        Verify.NoFindings(Id, "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: report\nspec:\n  template:\n    spec:\n      containers:\n        - name: report\n          image: ghcr.io/acme/llm:1.4.2\n          command: [\"python\", \"main.py\"]\n");
}
