#include "template_generator.hpp"

#include <algorithm>
#include <sstream>

namespace cfn_eks::bench {

namespace {

// One unit: 10 resources that reference each other the way an EKS stack does.
void yaml_unit(std::ostringstream& out, int u) {
  const std::string n = std::to_string(u);
  out << "  Subnet" << n << "A:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref Vpc\n"
      << "      CidrBlock: !Select [" << (u % 200) << ", !Cidr [!GetAtt Vpc.CidrBlock, 256, 8]]\n"
      << "      AvailabilityZone: !Select [0, !GetAZs '']\n"
      << "      Tags:\n        - Key: !Sub 'kubernetes.io/cluster/${ClusterName}" << n << "'\n          Value: shared\n"
      << "  Subnet" << n << "B:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref Vpc\n"
      << "      CidrBlock: !Select [" << ((u + 100) % 250) << ", !Cidr [!GetAtt Vpc.CidrBlock, 256, 8]]\n"
      << "      AvailabilityZone: !Select [1, !GetAZs '']\n"
      << "  NodeSg" << n << ":\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n"
      << "      GroupDescription: !Sub 'nodes of cluster ${ClusterName}" << n << "'\n      VpcId: !Ref Vpc\n"
      << "      SecurityGroupIngress:\n        - {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: !GetAtt Vpc.CidrBlock}\n"
      << "  NodeSg" << n << "Self:\n    Type: AWS::EC2::SecurityGroupIngress\n    Properties:\n"
      << "      GroupId: !Ref NodeSg" << n << "\n      SourceSecurityGroupId: !Ref NodeSg" << n << "\n      IpProtocol: '-1'\n"
      << "  ClusterRole" << n << ":\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n"
      << "        Version: '2012-10-17'\n        Statement:\n          - Effect: Allow\n"
      << "            Principal: {Service: eks.amazonaws.com}\n            Action: sts:AssumeRole\n"
      << "      ManagedPolicyArns: [!Sub 'arn:${AWS::Partition}:iam::aws:policy/AmazonEKSClusterPolicy']\n"
      << "  NodeRole" << n << ":\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n"
      << "        Version: '2012-10-17'\n        Statement:\n          - Effect: Allow\n"
      << "            Principal: {Service: ec2.amazonaws.com}\n            Action: sts:AssumeRole\n"
      << "      ManagedPolicyArns:\n        - !Sub 'arn:${AWS::Partition}:iam::aws:policy/AmazonEKSWorkerNodePolicy'\n"
      << "        - !Sub 'arn:${AWS::Partition}:iam::aws:policy/AmazonEKS_CNI_Policy'\n"
      << "  Cluster" << n << ":\n    Type: AWS::EKS::Cluster\n    Properties:\n"
      << "      Name: !Sub '${ClusterName}" << n << "'\n      Version: !Ref KubernetesVersion\n"
      << "      RoleArn: !GetAtt ClusterRole" << n << ".Arn\n      ResourcesVpcConfig:\n"
      << "        SubnetIds: [!Ref Subnet" << n << "A, !Ref Subnet" << n << "B]\n"
      << "        EndpointPublicAccess: !If [IsProduction, false, true]\n"
      << "  LaunchTemplate" << n << ":\n    Type: AWS::EC2::LaunchTemplate\n    Properties:\n      LaunchTemplateData:\n"
      << "        MetadataOptions: {HttpTokens: required, HttpPutResponseHopLimit: 2}\n"
      << "        SecurityGroupIds: [!Ref NodeSg" << n << ", !GetAtt Cluster" << n << ".ClusterSecurityGroupId]\n"
      << "        BlockDeviceMappings:\n          - DeviceName: /dev/xvda\n"
      << "            Ebs: {VolumeSize: !FindInMap [Sizes, !Ref Environment, Disk], VolumeType: gp3}\n"
      << "  Nodegroup" << n << ":\n    Type: AWS::EKS::Nodegroup\n    Properties:\n"
      << "      ClusterName: !Ref Cluster" << n << "\n      Version: !Ref KubernetesVersion\n"
      << "      NodeRole: !GetAtt NodeRole" << n << ".Arn\n      Subnets: [!Ref Subnet" << n << "A, !Ref Subnet" << n << "B]\n"
      << "      AmiType: AL2023_x86_64_STANDARD\n      InstanceTypes: [!Ref InstanceType]\n"
      << "      LaunchTemplate: {Id: !Ref LaunchTemplate" << n << ", Version: !GetAtt LaunchTemplate" << n
      << ".LatestVersionNumber}\n"
      << "      ScalingConfig: {MinSize: 1, DesiredSize: 2, MaxSize: !FindInMap [Sizes, !Ref Environment, Max]}\n"
      << "      Labels: {team: platform, unit: '" << n << "'}\n"
      << "  SelfManaged" << n << ":\n    Type: AWS::AutoScaling::AutoScalingGroup\n    DependsOn: Nodegroup" << n << "\n"
      << "    Properties:\n      MinSize: '0'\n      MaxSize: '4'\n"
      << "      VPCZoneIdentifier: [!Ref Subnet" << n << "A, !Ref Subnet" << n << "B]\n"
      << "      LaunchTemplate:\n        LaunchTemplateId: !Ref LaunchTemplate" << n << "\n"
      << "        Version: !GetAtt LaunchTemplate" << n << ".LatestVersionNumber\n";
}

void yaml_template(std::ostringstream& out, int units) {
  out << "AWSTemplateFormatVersion: '2010-09-09'\nDescription: Generated EKS fleet for cfn-eks benchmarks\n"
      << "Parameters:\n  ClusterName:\n    Type: String\n    Default: fleet\n"
      << "  KubernetesVersion:\n    Type: String\n    Default: '1.33'\n    AllowedValues: ['1.32', '1.33', '1.34']\n"
      << "  Environment:\n    Type: String\n    Default: dev\n    AllowedValues: [dev, prod]\n"
      << "  InstanceType:\n    Type: String\n    Default: m6i.large\n"
      << "Mappings:\n  Sizes:\n    dev: {Disk: 50, Max: 3}\n    prod: {Disk: 100, Max: 10}\n"
      << "Conditions:\n  IsProduction: !Equals [!Ref Environment, prod]\n"
      << "Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.0.0.0/16\n";
  for (int u = 0; u < units; ++u) yaml_unit(out, u);
  out << "Outputs:\n  VpcId:\n    Value: !Ref Vpc\n    Export:\n      Name: !Sub '${AWS::StackName}-vpc'\n";
}

// JSON is produced by a tiny YAML-free writer for the same unit, kept simpler but of similar shape.
void json_template(std::ostringstream& out, int units) {
  out << "{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\",\n"
      << "  \"Parameters\": {\"ClusterName\": {\"Type\": \"String\", \"Default\": \"fleet\"},\n"
      << "    \"KubernetesVersion\": {\"Type\": \"String\", \"Default\": \"1.33\"}},\n"
      << "  \"Resources\": {\n    \"Vpc\": {\"Type\": \"AWS::EC2::VPC\", \"Properties\": {\"CidrBlock\": \"10.0.0.0/16\"}}";
  for (int u = 0; u < units; ++u) {
    const std::string n = std::to_string(u);
    out << ",\n    \"Subnet" << n << "\": {\"Type\": \"AWS::EC2::Subnet\", \"Properties\": {\"VpcId\": {\"Ref\": \"Vpc\"}, "
        << "\"CidrBlock\": {\"Fn::Select\": [" << (u % 200) << ", {\"Fn::Cidr\": [{\"Fn::GetAtt\": [\"Vpc\", \"CidrBlock\"]}, 256, 8]}]}}}"
        << ",\n    \"NodeSg" << n << "\": {\"Type\": \"AWS::EC2::SecurityGroup\", \"Properties\": {\"GroupDescription\": "
        << "{\"Fn::Sub\": \"nodes of ${ClusterName}\"}, \"VpcId\": {\"Ref\": \"Vpc\"}}}"
        << ",\n    \"Role" << n << "\": {\"Type\": \"AWS::IAM::Role\", \"Properties\": {\"AssumeRolePolicyDocument\": "
        << "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"eks.amazonaws.com\"}, "
        << "\"Action\": \"sts:AssumeRole\"}]}}}"
        << ",\n    \"Cluster" << n << "\": {\"Type\": \"AWS::EKS::Cluster\", \"Properties\": {\"Version\": {\"Ref\": \"KubernetesVersion\"}, "
        << "\"RoleArn\": {\"Fn::GetAtt\": [\"Role" << n << "\", \"Arn\"]}, \"ResourcesVpcConfig\": {\"SubnetIds\": [{\"Ref\": \"Subnet" << n
        << "\"}], \"SecurityGroupIds\": [{\"Ref\": \"NodeSg" << n << "\"}]}}}"
        << ",\n    \"Nodegroup" << n << "\": {\"Type\": \"AWS::EKS::Nodegroup\", \"Properties\": {\"ClusterName\": {\"Ref\": \"Cluster" << n
        << "\"}, \"NodeRole\": {\"Fn::GetAtt\": [\"Role" << n << "\", \"Arn\"]}, \"Subnets\": [{\"Ref\": \"Subnet" << n
        << "\"}], \"ScalingConfig\": {\"MinSize\": 1, \"DesiredSize\": 2, \"MaxSize\": 3}}}";
    // Pad the unit to 10 resources with queues so counts compare with YAML.
    for (int q = 0; q < 5; ++q) {
      out << ",\n    \"Queue" << n << "x" << q << "\": {\"Type\": \"AWS::SQS::Queue\", \"Properties\": {\"QueueName\": "
          << "{\"Fn::Join\": [\"-\", [{\"Ref\": \"ClusterName\"}, \"" << n << "\"]]}}}";
    }
  }
  out << "\n  }\n}\n";
}

}  // namespace

std::string generate_template(int resources, GeneratedFormat format) {
  const int units = std::max(1, (resources + 9) / 10);
  std::ostringstream out;
  if (format == GeneratedFormat::Yaml) {
    yaml_template(out, units);
  } else {
    json_template(out, units);
  }
  return out.str();
}

std::string generate_template_of_size(std::size_t bytes, GeneratedFormat format) {
  // Grow geometrically, then settle on the smallest unit count that reaches the size.
  int resources = 10;
  std::string text = generate_template(resources, format);
  while (text.size() < bytes) {
    const double ratio = static_cast<double>(bytes) / static_cast<double>(text.size());
    resources = std::max(resources + 10, static_cast<int>(resources * ratio));
    text = generate_template(resources, format);
  }
  return text;
}

}  // namespace cfn_eks::bench
