using Amazon.CDK;
using MlPlatform;

var app = new App();
new TrainingStack(app, "MlTraining", new StackProps { Env = new Amazon.CDK.Environment { Region = "eu-west-1" } });
app.Synth();
