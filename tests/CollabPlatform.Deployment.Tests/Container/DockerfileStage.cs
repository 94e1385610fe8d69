namespace CollabPlatform.Deployment.Tests.Container;

/// <summary>One stage of a Dockerfile: its base image, its name and what it does.</summary>
public sealed record DockerfileStage(string Image, string? Name, IReadOnlyList<DockerfileInstruction> Instructions)
{
    /// <summary>The arguments of every instruction of one kind (RUN, COPY...), in order.</summary>
    public IEnumerable<string> Arguments(string keyword) => Instructions.Where(i => i.Keyword == keyword).Select(i => i.Arguments);
}
