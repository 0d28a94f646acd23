using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.Security;

public sealed class IL2003TrafficNotEncryptedInTransitTests
{
    private const string Id = "IL2003";

    [Fact]
    public void Plain_http_listeners_that_forward_are_reported_and_redirects_are_not()
    {
        var findings = Verify.Findings(Id, """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              PublicLb:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties:
                  Scheme: internet-facing
              InternalLb:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties:
                  Scheme: internal
              Forward:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  LoadBalancerArn: !Ref PublicLb
                  Port: 80
                  Protocol: {|IL2003:HTTP|}
                  DefaultActions:
                    - Type: forward
                      TargetGroupArn: !Ref Targets
              InternalForward:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  LoadBalancerArn: !Ref InternalLb
                  Port: 8080
                  Protocol: {|IL2003:HTTP|}
                  DefaultActions:
                    - Type: forward
                      TargetGroupArn: !Ref Targets
              Redirect:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  LoadBalancerArn: !Ref PublicLb
                  Port: 81
                  Protocol: HTTP
                  DefaultActions:
                    - Type: redirect
                      RedirectConfig:
                        Protocol: HTTPS
                        StatusCode: HTTP_301
              Parametrised:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  LoadBalancerArn: !Ref PublicLb
                  Port: 82
                  Protocol: !Ref ListenerProtocol
            """);
        Assert.Equal(new[] { (Id, 16, 17), (Id, 25, 17) }, findings.Positions());
        Assert.Contains("AWS::ElasticLoadBalancingV2::Listener 'Forward' accepts plain HTTP and forwards it instead of redirecting", findings[0].Message);
        Assert.Contains("forwards it inside the network", findings[1].Message);
    }

    [Fact]
    public void Internet_facing_ingress_without_tls_is_reported_internal_and_tls_terminating_ones_are_not()
    {
        var findings = Verify.Findings(Id, """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: {|IL2003:chat|}
              namespace: serving
            spec:
              ingressClassName: nginx
              rules:
                - host: chat.example.com
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: empty-tls
              namespace: serving
            spec:
              {|IL2003:tls|}: []
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: internal-nginx
              namespace: serving
            spec:
              ingressClassName: nginx-internal
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: alb-default-scheme
              namespace: serving
              annotations:
                alb.ingress.kubernetes.io/target-type: ip
            spec:
              ingressClassName: alb
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: alb-public-with-certificate
              namespace: serving
              annotations:
                alb.ingress.kubernetes.io/scheme: internet-facing
                alb.ingress.kubernetes.io/certificate-arn: arn:aws:acm:eu-west-1:111122223333:certificate/abc
            spec:
              ingressClassName: alb
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: with-tls
              namespace: serving
            spec:
              tls:
                - hosts: [chat.example.com]
                  secretName: chat-tls
            """);
        Assert.Contains("Internet-facing Ingress 'chat' has no TLS configured", findings[0].Message);
    }

    [Fact]
    public void Buckets_without_a_secure_transport_policy_are_reported()
    {
        var findings = Verify.Findings(Id, """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              {|IL2003:Open|}:
                Type: AWS::S3::Bucket
              Secured:
                Type: AWS::S3::Bucket
              SecuredPolicy:
                Type: AWS::S3::BucketPolicy
                Properties:
                  Bucket: !Ref Secured
                  PolicyDocument:
                    Statement:
                      - Effect: Deny
                        Principal: "*"
                        Action: "s3:*"
                        Resource:
                          - !GetAtt Secured.Arn
                          - !Sub "${Secured.Arn}/*"
                        Condition:
                          Bool:
                            aws:SecureTransport: "false"
            """);
        Assert.Contains("AWS::S3::Bucket 'Open' has no bucket policy that denies requests without TLS", Assert.Single(findings).Message);
    }

    [Fact]
    public void A_policy_for_a_bucket_outside_the_template_makes_every_bucket_unknown()
    {
        Verify.NoFindings(Id, """
            AWSTemplateFormatVersion: "2010-09-09"
            Parameters:
              BucketName:
                Type: String
            Resources:
              Data:
                Type: AWS::S3::Bucket
              ExternalPolicy:
                Type: AWS::S3::BucketPolicy
                Properties:
                  Bucket: !Ref BucketName
                  PolicyDocument:
                    Statement: []
            """);
    }

    /// <summary>Corpus false positive (KubeRay's ingress-rayclient-tls sample): TLS passes through to the Ray head.</summary>
    [Fact]
    public void Ssl_passthrough_ingress_is_encrypted_end_to_end()
    {
        Verify.NoFindings(Id, """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: rayclient-ingress
              annotations:
                kubernetes.io/ingress.class: nginx
                nginx.ingress.kubernetes.io/ssl-passthrough: "true"
            spec:
              rules:
                - host: ray.example.com
            """);
    }
}
