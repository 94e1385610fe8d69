using CollabPlatform.Persistence.Embedded;

namespace CollabPlatform.Persistence.Tests.Embedded;

public sealed class EmbeddedPostgresOptionsValidatorTests
{
    private readonly EmbeddedPostgresOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        var options = new EmbeddedPostgresOptions { DataDirectory = ".pgdata" };

        var result = _validator.Validate(null, options);

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_EmptyDataDirectory_NamesTheKey()
    {
        var options = new EmbeddedPostgresOptions { DataDirectory = " " };

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("EmbeddedPostgres:DataDirectory", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Collab")]
    [InlineData("collab; DROP DATABASE postgres")]
    [InlineData("")]
    public void Validate_DatabaseNotAPlainIdentifier_Fails(string database)
    {
        var options = new EmbeddedPostgresOptions { DataDirectory = ".pgdata", Database = database };

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("EmbeddedPostgres:Database", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(65536)]
    public void Validate_PortOutOfRange_Fails(int port)
    {
        var options = new EmbeddedPostgresOptions { DataDirectory = ".pgdata", Port = port };

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("EmbeddedPostgres:Port", result.FailureMessage, StringComparison.Ordinal);
    }
}
