using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.Security;

public sealed class IL2010PublicModelEndpointWithoutRateLimitingTests
{
    private const string Id = "IL2010";

    private const string Model = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: vllm
          namespace: serving
        spec:
          selector:
            matchLabels:
              app: vllm
          template:
            metadata:
              labels:
                app: vllm
                tier: model
            spec:
              containers:
                - name: vllm
                  image: vllm/vllm-openai:v0.6.3
        """;

    [Fact]
    public void Load_balancer_service_selecting_a_model_in_another_file_is_reported_at_its_type()
    {
        var findings = Verify.Files(Id,
            ("model.yaml", Model),
            ("service.yaml", """
                apiVersion: v1
                kind: Service
                metadata:
                  name: vllm-public
                  namespace: serving
                spec:
                  type: {|IL2010:LoadBalancer|}
                  selector:
                    app: vllm
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: vllm-internal
                  namespace: serving
                  annotations:
                    service.beta.kubernetes.io/aws-load-balancer-scheme: internal
                spec:
                  type: LoadBalancer
                  selector:
                    app: vllm
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: other-namespace
                  namespace: web
                spec:
                  type: LoadBalancer
                  selector:
                    app: vllm
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: not-a-model
                  namespace: serving
                spec:
                  type: LoadBalancer
                  selector:
                    app: frontend
                """));
        var finding = Assert.Single(findings);
        Assert.Equal(("service.yaml", 7, 9), (finding.Location.File, finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Contains("Internet-facing Service 'vllm-public' sends requests to Deployment 'vllm' with no rate limit", finding.Message);
    }

    [Fact]
    public void Ingress_routing_to_a_model_service_is_reported_unless_rate_limited_or_internal()
    {
        var findings = Verify.Files(Id,
            ("model.yaml", Model),
            ("ingress.yaml", """
                apiVersion: v1
                kind: Service
                metadata:
                  name: vllm
                  namespace: serving
                spec:
                  selector:
                    app: vllm
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: {|IL2010:open|}
                  namespace: serving
                spec:
                  tls:
                    - hosts: [llm.example.com]
                  rules:
                    - http:
                        paths:
                          - path: /
                            pathType: Prefix
                            backend:
                              service:
                                name: vllm
                                port: {number: 80}
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: limited
                  namespace: serving
                  annotations:
                    nginx.ingress.kubernetes.io/limit-rpm: "600"
                spec:
                  defaultBackend:
                    service:
                      name: vllm
                      port: {number: 80}
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: private
                  namespace: serving
                spec:
                  ingressClassName: internal-nginx
                  defaultBackend:
                    service:
                      name: vllm
                      port: {number: 80}
                """));
        Assert.Contains("Internet-facing Ingress 'open' sends requests through Service 'vllm' to Deployment 'vllm'", Assert.Single(findings).Message);
    }

    [Fact]
    public void Api_gateway_in_front_of_a_sagemaker_endpoint_is_reported_unless_throttled()
    {
        var findings = Verify.Findings(Id, """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Endpoint:
                Type: AWS::SageMaker::Endpoint
                Properties:
                  EndpointConfigName: llm-config
              Api:
                Type: AWS::ApiGateway::RestApi
                Properties:
                  Name: llm
              Invoke:
                Type: AWS::ApiGateway::Method
                Properties:
                  RestApiId: !Ref Api
                  ResourceId: !GetAtt Api.RootResourceId
                  HttpMethod: POST
                  AuthorizationType: NONE
                  Integration:
                    Type: AWS
                    IntegrationHttpMethod: POST
                    Uri: !Sub
                      - arn:aws:apigateway:${AWS::Region}:runtime.sagemaker:path/endpoints/${Name}/invocations
                      - Name: !GetAtt Endpoint.EndpointName
              {|IL2010:Deployment|}:
                Type: AWS::ApiGateway::Deployment
                Properties:
                  RestApiId: !Ref Api
                  StageName: prod
              Throttled:
                Type: AWS::ApiGateway::Stage
                Properties:
                  RestApiId: !Ref Api
                  StageName: throttled
                  MethodSettings:
                    - ResourcePath: "/*"
                      HttpMethod: "*"
                      ThrottlingRateLimit: 10
                      ThrottlingBurstLimit: 20
            """);
        Assert.Contains("AWS::ApiGateway::Deployment 'Deployment' sends requests to AWS::SageMaker::Endpoint 'Endpoint'", Assert.Single(findings).Message);
    }

    [Fact]
    public void Api_gateway_in_front_of_an_endpoint_from_another_stack_is_reported_and_private_apis_are_not()
    {
        Verify.Findings(Id, """
            AWSTemplateFormatVersion: "2010-09-09"
            Parameters:
              EndpointName:
                Type: String
            Resources:
              Api:
                Type: AWS::ApiGateway::RestApi
                Properties:
                  Name: llm
              Invoke:
                Type: AWS::ApiGateway::Method
                Properties:
                  RestApiId: !Ref Api
                  HttpMethod: POST
                  Integration:
                    Uri: !Sub arn:aws:apigateway:${AWS::Region}:runtime.sagemaker:path/endpoints/${EndpointName}/invocations
              {|IL2010:Stage|}:
                Type: AWS::ApiGateway::Stage
                Properties:
                  RestApiId: !Ref Api
                  StageName: prod
              PrivateApi:
                Type: AWS::ApiGateway::RestApi
                Properties:
                  EndpointConfiguration:
                    Types: [PRIVATE]
              PrivateInvoke:
                Type: AWS::ApiGateway::Method
                Properties:
                  RestApiId: !Ref PrivateApi
                  HttpMethod: POST
                  Integration:
                    Uri: !Sub arn:aws:apigateway:${AWS::Region}:runtime.sagemaker:path/endpoints/${EndpointName}/invocations
              PrivateStage:
                Type: AWS::ApiGateway::Stage
                Properties:
                  RestApiId: !Ref PrivateApi
                  StageName: prod
            """);
    }

    [Fact]
    public void Api_gateway_without_a_model_behind_it_is_not_reported()
    {
        Verify.NoFindings(Id, """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Api:
                Type: AWS::ApiGateway::RestApi
                Properties:
                  Name: orders
              Stage:
                Type: AWS::ApiGateway::Stage
                Properties:
                  RestApiId: !Ref Api
                  StageName: prod
            """);
    }
}
