using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.Security;

public sealed class IL2004LegacyTlsVersionsAllowedTests
{
    private const string Id = "IL2004";

    [Fact]
    public void Missing_and_pre_1_3_policies_are_reported()
    {
        var findings = Verify.Findings(Id, """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              DefaultPolicy:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  Port: 443
                  Protocol: {|IL2004:HTTPS|}
              Recommended:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  Port: 443
                  Protocol: TLS
                  SslPolicy: {|IL2004:ELBSecurityPolicy-TLS13-1-2-2021-06|}
              Legacy:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  Port: 443
                  Protocol: HTTPS
                  SslPolicy: {|IL2004:ELBSecurityPolicy-TLS-1-1-2017-01|}
              Strict:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  Port: 443
                  Protocol: HTTPS
                  SslPolicy: ELBSecurityPolicy-TLS13-1-3-2021-06
              StrictFips:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  Port: 443
                  Protocol: HTTPS
                  SslPolicy: ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04
              Parametrised:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  Port: 443
                  Protocol: HTTPS
                  SslPolicy: !Ref TlsPolicy
              Plain:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  Port: 80
                  Protocol: HTTP
                  DefaultActions:
                    - Type: redirect
                      RedirectConfig: {Protocol: HTTPS}
            """);
        Assert.Equal(new[] { (Id, 7, 17), (Id, 13, 18), (Id, 19, 18) }, findings.Positions());
        Assert.Contains("names no SslPolicy, so it gets the default ELBSecurityPolicy-2016-08, which accepts TLS 1.0", findings[0].Message);
        Assert.Contains("accepts TLS 1.2 and later", findings[1].Message);
        Assert.Contains("accepts TLS 1.1 and later", findings[2].Message);
    }

    [Fact]
    public void Fix_inserts_the_tls_1_3_policy()
    {
        Verify.Fix(Id, """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Listener:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  Port: 443
                  Protocol: HTTPS
            """, """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Listener:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  Port: 443
                  Protocol: HTTPS
                  SslPolicy: ELBSecurityPolicy-TLS13-1-3-2021-06
            """);
    }

    [Fact]
    public void Fix_replaces_an_older_policy()
    {
        Verify.Fix(Id, """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Listener:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  Protocol: TLS
                  SslPolicy: ELBSecurityPolicy-2016-08
                  Port: 443
            """, """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Listener:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  Protocol: TLS
                  SslPolicy: ELBSecurityPolicy-TLS13-1-3-2021-06
                  Port: 443
            """);
    }
}
