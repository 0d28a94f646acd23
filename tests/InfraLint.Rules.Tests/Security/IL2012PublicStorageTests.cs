using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.Security;

public sealed class IL2012PublicStorageTests
{
    private const string Id = "IL2012";

    [Fact]
    public void Each_disabled_block_setting_and_a_public_acl_are_reported()
    {
        var findings = Verify.Findings(Id, """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Artifacts:
                Type: AWS::S3::Bucket
                Properties:
                  AccessControl: {|IL2012:PublicRead|}
                  PublicAccessBlockConfiguration:
                    BlockPublicAcls: {|IL2012:false|}
                    BlockPublicPolicy: {|IL2012:false|}
                    IgnorePublicAcls: true
                    RestrictPublicBuckets: true
            """);
        Assert.Equal(new[] { (Id, 6, 22), (Id, 8, 26), (Id, 9, 28) }, findings.Positions());
        Assert.Contains("canned ACL PublicRead", findings[0].Message);
        Assert.Contains("turns off the public-access block setting BlockPublicAcls", findings[1].Message);
    }

    [Fact]
    public void A_bucket_without_a_block_configuration_is_private_by_default_and_not_reported()
    {
        Verify.NoFindings(Id, """
            AWSTemplateFormatVersion: "2010-09-09"
            Parameters:
              Block:
                Type: String
            Resources:
              Artifacts:
                Type: AWS::S3::Bucket
              Private:
                Type: AWS::S3::Bucket
                Properties:
                  AccessControl: Private
                  PublicAccessBlockConfiguration:
                    BlockPublicAcls: true
                    BlockPublicPolicy: !Ref Block
                    IgnorePublicAcls: true
                    RestrictPublicBuckets: true
            """);
    }

    [Fact]
    public void Fix_sets_the_flag_to_true()
    {
        Verify.Fix(Id, """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Artifacts:
                Type: AWS::S3::Bucket
                Properties:
                  PublicAccessBlockConfiguration:
                    BlockPublicAcls: true
                    BlockPublicPolicy: false
                    IgnorePublicAcls: true
                    RestrictPublicBuckets: true
            """, """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Artifacts:
                Type: AWS::S3::Bucket
                Properties:
                  PublicAccessBlockConfiguration:
                    BlockPublicAcls: true
                    BlockPublicPolicy: true
                    IgnorePublicAcls: true
                    RestrictPublicBuckets: true
            """);
    }
}
