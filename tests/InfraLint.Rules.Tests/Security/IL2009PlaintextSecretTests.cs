using InfraLint.Core.Findings;
using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.Security;

public sealed class IL2009PlaintextSecretTests
{
    private const string Id = "IL2009";

    private const string Secret = "hf_SeCrEtVaLuE1234567890abcdefXYZ";

    [Fact]
    public void Literal_credential_is_reported_at_the_value()
    {
        var finding = Assert.Single(Verify.Findings(Id, $$"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: tgi
            spec:
              template:
                spec:
                  containers:
                    - name: tgi
                      image: ghcr.io/huggingface/text-generation-inference:2.3.0
                      env:
                        - name: HF_TOKEN
                          value: {|IL2009:{{Secret}}|}
                        - name: MAX_TOTAL_TOKENS
                          value: "4096"
            """));
        Assert.Equal((Id, 13, 22), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Contains("'HF_TOKEN'", finding.Message);
        Assert.Contains("secretKeyRef", finding.Message);
    }

    [Fact]
    public void The_value_appears_nowhere_in_the_finding()
    {
        var result = Lint.Yaml($"""
            apiVersion: v1
            kind: Pod
            metadata:
              name: app
            spec:
              containers:
                - name: app
                  image: python:3.12
                  env:
                    - name: OPENAI_API_KEY
                      value: "{Secret}"
                    - name: dbPassword
                      value: '{Secret}'
            """);
        var findings = result.Of(Id);
        Assert.Equal(2, findings.Count);
        foreach (var finding in findings)
        {
            foreach (string fragment in Fragments(Secret))
            {
                Assert.DoesNotContain(fragment, finding.Message);
                Assert.DoesNotContain(fragment, finding.LogicalPath);
                Assert.DoesNotContain(fragment, finding.ToString());
                Assert.All(finding.Properties, p => Assert.DoesNotContain(fragment, p.Key + "=" + p.Value));
                Assert.All(finding.Related, r => Assert.DoesNotContain(fragment, r.Message));
                Assert.All(finding.Fixes, f => Assert.DoesNotContain(fragment, f.Description));
            }
        }
    }

    [Fact]
    public void References_placeholders_and_non_secret_names_are_not_reported()
    {
        Verify.NoFindings(Id, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: app
            spec:
              containers:
                - name: app
                  image: python:3.12
                  env:
                    - name: HF_TOKEN
                      valueFrom:
                        secretKeyRef:
                          name: hf
                          key: token
                    - name: API_TOKEN
                      value: $(HF_TOKEN)
                    - name: DB_PASSWORD
                      value: ""
                    - name: AUTH_ENABLED
                      value: "true"
                    - name: PASSWORD_FILE
                      value: /var/run/secrets/db/password
                    - name: TOKENIZER
                      value: meta-llama/Llama-3.1-8B-Instruct
                    - name: MAX_TOKENS
                      value: "2048"
            """);
    }

    /// <summary>Every 6-character piece of the value: "not even partially".</summary>
    private static IEnumerable<string> Fragments(string value) =>
        Enumerable.Range(0, value.Length - 5).Select(i => value.Substring(i, 6));

    [Theory]
    [InlineData("$HF_TOKEN")]
    [InlineData("<input your token here>")]
    [InlineData("<HF_token>")]
    [InlineData("PLACEHOLDER_HF_TOKEN")]
    [InlineData("your-hf-token")]
    [InlineData("ADD Key")]
    [InlineData("addkey")]
    [InlineData("HF_TOKEN")]
    [InlineData("EMPTY")]
    [InlineData("********")]
    [InlineData("changeme")]
    [InlineData("password")]
    [InlineData("xxx")]
    [InlineData("<token>")]
    [InlineData("${HF_TOKEN}")]
    [InlineData("hf_")]
    [InlineData("hf_xxx")]
    [InlineData("hf_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX")]
    [InlineData("sk-...")]
    [InlineData("AKIAIOSFODNN7EXAMPLE")]
    [InlineData("nvapi-NVKEY")]
    [InlineData("sk-APIKEY")]
    public void Documentation_placeholders_are_not_reported(string value)
    {
        Verify.NoFindings(Id, $"""
            apiVersion: v1
            kind: Pod
            metadata:
              name: app
            spec:
              containers:
                - name: app
                  image: python:3.12
                  env:
                    - name: HF_TOKEN
                      value: "{value}"
            """);
    }

    [Theory]
    [InlineData("minioadmin")]
    [InlineData("12345")]
    [InlineData("hf_SeCrEtVaLuEabcdefghijklmnopqrstuvwx")]
    [InlineData("sk-proj-4fTz9QwErTy7UiOp1AsDfGhJkL")]
    [InlineData("nvapi-3kQ9vX2mP7rT1yW8zL4bN6cF0hJ5dS")]
    public void Well_known_defaults_are_real_credentials(string value)
    {
        Verify.Findings(Id, $$"""
            apiVersion: v1
            kind: Pod
            metadata:
              name: app
            spec:
              containers:
                - name: app
                  image: python:3.12
                  env:
                    - name: AWS_SECRET_ACCESS_KEY
                      value: {|IL2009:{{value}}|}
            """);
    }

    [Fact]
    public void Sagemaker_model_environment_is_checked_and_dynamic_references_are_not_reported()
    {
        var result = Lint.Yaml($$$"""
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Model:
                Type: AWS::SageMaker::Model
                Properties:
                  ExecutionRoleArn: arn:aws:iam::111122223333:role/sagemaker
                  PrimaryContainer:
                    Image: 763104351884.dkr.ecr.eu-west-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.3.0
                    Environment:
                      HF_MODEL_ID: meta-llama/Llama-3.1-8B-Instruct
                      HUGGING_FACE_HUB_TOKEN: {{{Secret}}}
                      OPENAI_API_KEY: "{{resolve:secretsmanager:openai:SecretString:key}}"
                      WANDB_API_KEY: !Ref WandbKey
            """);
        var finding = Assert.Single(result.Of(Id));
        Assert.Equal((11, 35), (finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Contains("'HUGGING_FACE_HUB_TOKEN' of the container 'Model' of AWS::SageMaker::Model 'Model'", finding.Message);
        Assert.Contains("{{resolve:secretsmanager:", finding.Message);
        foreach (string fragment in Fragments(Secret))
        {
            Assert.DoesNotContain(fragment, finding.ToString());
            Assert.DoesNotContain(fragment, finding.LogicalPath);
            Assert.All(finding.Properties, p => Assert.DoesNotContain(fragment, p.Key + "=" + p.Value));
        }
    }

    private const string Template = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: app
        spec:
          containers:
            - name: app
              image: python:3.12
        """;

    [Fact]
    public void A_password_in_a_URI_is_reported_whatever_the_variable_is_called()
    {
        var findings = Verify.Findings(Id, Template + """

                  env:
                    - name: DATABASE_URL
                      value: {|IL2009:postgresql://app:Vq9rT2xLw8@db:5432/app|}
                    - name: CACHE
                      value: {|IL2009:redis://:Vq9rT2xLw8@cache:6379/0|}
                    - name: BROKER
                      value: {|IL2009:amqp://ml:Vq9rT2xLw8@rabbit:5672/|}
                    - name: PUBLIC_SITE
                      value: https://example.org/docs
            """);
        Assert.All(findings, f => Assert.Contains("holds a URI with a literal password", f.Message));
        Assert.All(findings, f => Assert.DoesNotContain("Vq9rT2xLw8", f.ToString()));
    }

    [Theory]
    [InlineData("postgresql://app:${DB_PASSWORD}@db/app")]
    [InlineData("postgresql://app:$(DB_PASSWORD)@db/app")]
    [InlineData("postgresql://app:{{ .Values.db.password }}@db/app")]
    [InlineData("postgresql://app:<password>@db/app")]
    [InlineData("postgresql://app:changeme@db/app")]
    [InlineData("postgresql://app:password@db/app")]
    [InlineData("postgresql://app:xxx@db/app")]
    [InlineData("postgresql://app:@db/app")]
    [InlineData("postgresql://app@db/app")]
    [InlineData("http://user:s3cr3tvalue@proxy.example.com:8080")]
    [InlineData("http://proxy:3128/path@v2")]
    public void URIs_with_placeholder_or_no_passwords_are_not_reported(string uri)
    {
        Verify.NoFindings(Id, Template + $"""

                  env:
                    - name: DATABASE_URL
                      value: "{uri}"
            """);
    }

    [Fact]
    public void Compose_environment_is_checked_in_both_forms()
    {
        var findings = Verify.Findings(Id, """
            services:
              api:
                image: ghcr.io/example/api:1.2.0
                environment:
                  DATABASE_URL: {|IL2009:postgresql://api:Vq9rT2xLw8@db:5432/api|}
                  HF_TOKEN: {|IL2009:hf_abcdefghijklmnopqrstuvwxyzABCDEFGH|}
              worker:
                image: ghcr.io/example/worker:1.2.0
                environment:
                  - REDIS_URL={|IL2009:redis://:Vq9rT2xLw8@cache:6379|}
                  - OPENAI_API_KEY={|IL2009:sk-live-9aQ2wE4rT6yU8iO0pA1sD3fG|}
                  - HF_TOKEN=${HF_TOKEN}
                  - DB_PASSWORD=changeme
            """);
        Assert.Equal(4, findings.Count);
    }

    [Fact]
    public void Credential_arguments_are_reported_in_both_spellings_and_in_shell_lines()
    {
        var findings = Verify.Findings(Id, """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: vllm
            spec:
              template:
                spec:
                  containers:
                    - name: server
                      image: vllm/vllm-openai:v0.6.3
                      args:
                        - --model
                        - meta-llama/Llama-3.1-8B-Instruct
                        - --api-key
                        - {|IL2009:Zk3mW9qPx2Lr7TfB|}
                        - {|IL2009:--hf-token=hf_abcdefghijklmnopqrstuvwxyzABCDEFGH|}
                        - --max-num-seqs
                        - "256"
                    - name: sidecar
                      image: python:3.12
                      command:
                        - sh
                        - -c
                        - {|IL2009:python serve.py --password Zk3mW9qPx2Lr7TfB --port 8000|}
            """);
        Assert.Contains("Argument '--api-key' of the container 'server' of Deployment 'vllm' is given a literal credential", findings[0].Message);
        Assert.Contains("'--hf-token'", findings[1].Message);
        Assert.Contains("'--password'", findings[2].Message);
        Assert.All(findings, f => Assert.DoesNotContain("Zk3mW9qPx2Lr7TfB", f.ToString()));
    }

    [Fact]
    public void Referenced_and_placeholder_arguments_and_non_credential_flags_are_not_reported()
    {
        Verify.NoFindings(Id, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: vllm
            spec:
              containers:
                - name: server
                  image: vllm/vllm-openai:v0.6.3
                  args: ["--api-key", "$(VLLM_API_KEY)", "--token=${HF_TOKEN}", "--max-tokens", "4096", "--tokenizer", "meta-llama/Llama-3.1-8B", "--password-file", "/run/secrets/pw", "--api-key", "<your-api-key>"]
                  command: ["sh", "-c", "huggingface-cli login --token $HF_TOKEN && vllm serve --api-key-env VLLM_KEY && docker login --password-stdin < /run/pw"]
            """);
    }

    [Fact]
    public void Compose_command_credentials_are_reported_at_the_item_or_the_string()
    {
        Verify.Findings(Id, """
            services:
              vllm:
                image: vllm/vllm-openai:v0.6.3
                command: ["--model", "m", "--api-key", {|IL2009:"Zk3mW9qPx2Lr7TfB"|}]
              tgi:
                image: ghcr.io/huggingface/text-generation-inference:2.3.0
                command: {|IL2009:--model-id m --api-key Zk3mW9qPx2Lr7TfB|}
            """);
    }

    private const string KeyBody = """
        MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj
        MzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu
        """;

    [Fact]
    public void A_private_key_in_an_environment_value_or_an_annotation_is_reported()
    {
        string indented = KeyBody.Replace("\n", "\n            ");
        var result = Lint.Yaml($$"""
            apiVersion: v1
            kind: Pod
            metadata:
              name: app
              annotations:
                example.com/key: "-----BEGIN RSA PRIVATE KEY-----\n{{KeyBody.Replace("\n", "\\n")}}\n-----END RSA PRIVATE KEY-----"
                kubectl.kubernetes.io/last-applied-configuration: '{"env":"redis://:Vq9rT2xLw8@cache:6379"}'
            spec:
              containers:
                - name: app
                  image: python:3.12
                  env:
                    - name: TLS_KEY
                      value: |
                        -----BEGIN PRIVATE KEY-----
                        {{indented}}
                        -----END PRIVATE KEY-----
                    - name: EXAMPLE_KEY
                      value: |
                        -----BEGIN PRIVATE KEY-----
                        ...
                        -----END PRIVATE KEY-----
            """);
        var findings = result.Of(Id);
        Assert.Equal(new[] { (Id, 6, 22), (Id, 14, 18) }, findings.Positions());
        Assert.Contains("Annotation 'example.com/key' of Pod 'app' holds a private key", findings[0].Message);
        Assert.Contains("Environment variable 'TLS_KEY' of the container 'app' of Pod 'app' holds a private key", findings[1].Message);
        Assert.All(findings, f => Assert.DoesNotContain("MIIEvQIBADAN", f.ToString()));
    }

    [Fact]
    public void A_URI_password_in_an_annotation_is_reported()
    {
        Verify.Findings(Id, """
            apiVersion: v1
            kind: Service
            metadata:
              name: api
              annotations:
                example.com/upstream: {|IL2009:https://bot:Vq9rT2xLw8@git.internal.corp/repo.git|}
            spec:
              ports: [{port: 80}]
            """);
    }

    [Fact]
    public void Defaults_of_NoEcho_and_credential_parameters_are_reported()
    {
        var findings = Verify.Findings(Id, """
            AWSTemplateFormatVersion: "2010-09-09"
            Parameters:
              DBPassword:
                Type: String
                Default: {|IL2009:Vq9rT2xLw8|}
              GitHubOAuth:
                Type: String
                NoEcho: true
                Default: {|IL2009:ghp_9aQ2wE4rT6yU8iO0pA1sD3fGhJkL|}
              AdminPassword:
                Type: String
                NoEcho: true
              ApiTokenPlaceholder:
                Type: String
                NoEcho: "true"
                Default: changeme
              DBPasswordLength:
                Type: Number
                Default: 16
              InstanceType:
                Type: String
                Default: ml.m5.large
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
            """);
        Assert.Contains("Parameter 'DBPassword' has a literal Default that looks like a credential", findings[0].Message);
        Assert.Contains("Parameter 'GitHubOAuth' has a literal Default for a NoEcho value", findings[1].Message);
    }
}
