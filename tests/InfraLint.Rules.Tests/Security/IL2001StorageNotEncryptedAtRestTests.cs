using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.Security;

public sealed class IL2001StorageNotEncryptedAtRestTests
{
    private const string Id = "IL2001";

    [Fact]
    public void Missing_flags_point_at_the_resource_and_explicit_false_at_the_value()
    {
        var findings = Verify.Findings(Id, """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              {|IL2001:SharedFiles|}:
                Type: AWS::EFS::FileSystem
                Properties:
                  PerformanceMode: generalPurpose
              FeatureStore:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  StorageEncrypted: {|IL2001:false|}
              Trainer:
                Type: AWS::EC2::Instance
                Properties:
                  InstanceType: p4d.24xlarge
                  BlockDeviceMappings:
                    - DeviceName: /dev/sdf
                      {|IL2001:Ebs|}:
                        VolumeSize: 2000
              Scratch:
                Type: AWS::EC2::Volume
                Properties:
                  AvailabilityZone: eu-west-1a
                  Size: 100
                  Encrypted: {|IL2001:"false"|}
            """);
        Assert.Equal(new[] { (Id, 3, 3), (Id, 11, 25), (Id, 18, 11), (Id, 25, 18) }, findings.Positions());
        Assert.Contains("AWS::EFS::FileSystem 'SharedFiles' is not encrypted at rest: Encrypted is not set", findings[0].Message);
        Assert.Contains("turns encryption at rest off (StorageEncrypted: false)", findings[1].Message);
        Assert.Contains("'Trainer[/dev/sdf]'", findings[2].Message);
    }

    [Fact]
    public void Encrypted_unknown_inherited_and_provider_encrypted_storage_is_not_reported()
    {
        Verify.NoFindings(Id, """
            AWSTemplateFormatVersion: "2010-09-09"
            Parameters:
              Encrypt:
                Type: String
            Resources:
              SharedFiles:
                Type: AWS::EFS::FileSystem
                Properties:
                  Encrypted: true
              Parametrised:
                Type: AWS::EFS::FileSystem
                Properties:
                  Encrypted: !Ref Encrypt
              Restored:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  DBSnapshotIdentifier: arn:aws:rds:eu-west-1:111122223333:snapshot:features
              Member:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  DBClusterIdentifier: !Ref Cluster
              Cluster:
                Type: AWS::RDS::DBCluster
                Properties:
                  Engine: aurora-postgresql
                  StorageEncrypted: true
              FromSnapshot:
                Type: AWS::EC2::Volume
                Properties:
                  AvailabilityZone: eu-west-1a
                  SnapshotId: snap-0123456789abcdef0
              Artifacts:
                Type: AWS::S3::Bucket
            """);
    }

    [Fact]
    public void Fix_inserts_the_flag()
    {
        Verify.Fix(Id, """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              SharedFiles:
                Type: AWS::EFS::FileSystem
                Properties:
                  PerformanceMode: generalPurpose
            """, """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              SharedFiles:
                Type: AWS::EFS::FileSystem
                Properties:
                  PerformanceMode: generalPurpose
                  Encrypted: true
            """);
    }

    [Fact]
    public void Fix_turns_an_explicit_false_into_true()
    {
        Verify.Fix(Id, """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              FeatureStore:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  StorageEncrypted: false
            """, """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              FeatureStore:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  StorageEncrypted: true
            """);
    }

    /// <summary>
    /// Issue 10, item 5: CloudFormation and cfn-lint accept a double-quoted string whose continuation lines are indented
    /// less than YAML 1.2 allows; the template is read, and what follows the string is reported where it is written.
    /// </summary>
    [Fact]
    public void A_template_with_an_under_indented_quoted_string_is_read_and_reported_at_the_right_places()
    {
        var findings = Verify.Findings(Id, """
            AWSTemplateFormatVersion: "2010-09-09"
            Description: "Shared storage for the
            training cluster, continued as CloudFormation allows"
            Resources:
              {|IL2001:SharedFiles|}:
                Type: AWS::EFS::FileSystem
                Properties:
                  FileSystemTags:
                    - Key: purpose
                      Value: "checkpoints of
              the training jobs"
                  PerformanceMode: generalPurpose
              Scratch:
                Type: AWS::EC2::Volume
                Properties:
                  AvailabilityZone: eu-west-1a
                  Encrypted: {|IL2001:"false"|}
            """);
        Assert.Equal(new[] { (Id, 5, 3), (Id, 17, 18) }, findings.Positions());
    }

    [Fact]
    public void An_under_indented_quoted_string_that_is_encrypted_is_not_reported()
    {
        Verify.NoFindings(Id, """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              SharedFiles:
                Type: AWS::EFS::FileSystem
                Properties:
                  FileSystemTags:
                    - Key: purpose
                      Value: "checkpoints of
              the training jobs"
                  Encrypted: true
            """);
    }

    [Fact]
    public void Fix_writes_into_the_original_text_after_an_under_indented_quoted_string()
    {
        Verify.Fix(Id, """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              SharedFiles:
                Type: AWS::EFS::FileSystem
                Properties:
                  FileSystemTags:
                    - Key: purpose
                      Value: "checkpoints of
              the training jobs"
                  PerformanceMode: "general
            Purpose"
            """, """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              SharedFiles:
                Type: AWS::EFS::FileSystem
                Properties:
                  FileSystemTags:
                    - Key: purpose
                      Value: "checkpoints of
              the training jobs"
                  PerformanceMode: "general
            Purpose"
                  Encrypted: true
            """);
    }
}
