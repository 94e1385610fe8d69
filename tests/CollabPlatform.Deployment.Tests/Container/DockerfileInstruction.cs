namespace CollabPlatform.Deployment.Tests.Container;

/// <summary>One Dockerfile instruction, its keyword upper-cased, its arguments as written.</summary>
public sealed record DockerfileInstruction(string Keyword, string Arguments);
