using System.Reflection;
using CollabPlatform.Contracts.V1;

namespace CollabPlatform.ForeignClient.Tests;

/// <summary>The client of this suite is generated from protos/ alone: its types are its own, and no server assembly is referenced.</summary>
public sealed class ClientIndependenceTests
{
    [Fact]
    public void GeneratedTypes_ComeFromThisAssembly()
    {
        var own = typeof(ClientIndependenceTests).Assembly;

        Assert.Same(own, typeof(PartnershipService.PartnershipServiceClient).Assembly);
        Assert.Same(own, typeof(JointProgram).Assembly);
        Assert.Null(typeof(PartnershipService).GetNestedType("PartnershipServiceBase", BindingFlags.Public));
    }

    [Fact]
    public void NoServerAssembly_IsReferenced()
    {
        var referenced = typeof(ClientIndependenceTests).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(referenced, name => name.StartsWith("CollabPlatform.", StringComparison.Ordinal));
        Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name is "CollabPlatform.Contracts" or "CollabPlatform.Api" or "CollabPlatform.Host");
    }
}
