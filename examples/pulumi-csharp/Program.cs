using Pulumi;

// The stacks of the program; KubernetesStack.cs (the serving cluster's workloads) sits beside these files.
return await Deployment.RunAsync(() =>
{
    var training = TrainingStack.Define();
    var inference = InferenceStack.Define(training.ModelBucketName);
    return new Dictionary<string, object?>
    {
        ["datasetBucket"] = training.DatasetBucketName,
        ["endpoint"] = inference.EndpointName,
    };
});
