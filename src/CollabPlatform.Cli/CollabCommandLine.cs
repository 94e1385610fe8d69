using System.CommandLine;
using CollabPlatform.Cli.Commands;

namespace CollabPlatform.Cli;

/// <summary>The <c>collab</c> command tree.</summary>
internal static class CollabCommandLine
{
    public static RootCommand Create()
    {
        var root = new RootCommand("collab: run, migrate, seed and query CollabPlatform, and mint development tokens");
        root.Add(ServeCommand.Create());
        root.Add(MigrateCommand.Create());
        root.Add(AuditCommand.Create());
        root.Add(SeedCommand.Create());
        root.Add(TokenCommand.Create());
        root.Add(RegionsCommand.Create());
        root.Add(PartnershipsCommand.Create());
        root.Add(ProgramsCommand.Create());
        root.Add(WatchCommand.Create());
        root.Add(CompletionCommand.Create());
        return root;
    }
}
