using System.Text.Json.Serialization;

namespace CollabPlatform.Benchmarks.Harness;

/// <summary>
/// One reported number: its value, and where the scenario has one, the baseline measured in the
/// same run, their ratio, and the goal the ratio or value is held to.
/// </summary>
internal sealed record Figure
{
    public required string Name { get; init; }

    public required double Value { get; init; }

    public required string Unit { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? BaselineName { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Baseline { get; init; }

    /// <summary>Value divided by baseline.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Ratio => Baseline is { } b && b != 0 && !double.IsNaN(Value) ? Value / b : null;

    /// <summary>The goal in words, e.g. "&lt;= 100 ms" or "ratio &gt;= 0.7".</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Goal { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Pass { get; init; }

    /// <summary>A figure held to an absolute goal.</summary>
    public static Figure AtMost(string name, double value, string unit, double limit, string? baselineName = null, double? baseline = null) => new()
    {
        Name = name,
        Value = value,
        Unit = unit,
        BaselineName = baselineName,
        Baseline = baseline,
        Goal = $"<= {Format(limit)} {unit}",
        Pass = !double.IsNaN(value) && value <= limit,
    };

    /// <summary>A figure whose ratio to its baseline is held to a minimum.</summary>
    public static Figure RatioAtLeast(string name, double value, string unit, string baselineName, double baseline, double minimum)
    {
        var figure = new Figure { Name = name, Value = value, Unit = unit, BaselineName = baselineName, Baseline = baseline };
        return figure with { Goal = $"ratio >= {Format(minimum)}", Pass = figure.Ratio is { } r && r >= minimum };
    }

    public static Figure Of(string name, double value, string unit, string? baselineName = null, double? baseline = null) =>
        new() { Name = name, Value = value, Unit = unit, BaselineName = baselineName, Baseline = baseline };

    public static string Format(double value) => value switch
    {
        double.NaN => "n/a",
        >= 100 or <= -100 => value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
        >= 10 or <= -10 => value.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
    };
}
