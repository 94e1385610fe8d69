using System.Globalization;
using System.Text;

namespace CollabPlatform.Domain.Regions;

/// <summary>
/// Reads the catalogue CSVs (columns code, parent_code, level, kind, name, name_en; RFC 4180
/// quoting). Kept small on purpose: the files are ours and their format is fixed by SOURCES.md.
/// </summary>
internal static class RegionCsv
{
    private static readonly string[] Header = ["code", "parent_code", "level", "kind", "name", "name_en"];

    public static IEnumerable<Region> Read(TextReader reader, string country)
    {
        var header = reader.ReadLine() ?? throw new InvalidDataException($"{country} region catalogue is empty");
        if (!SplitLine(header).SequenceEqual(Header))
        {
            throw new InvalidDataException($"{country} region catalogue has header '{header}', expected '{string.Join(',', Header)}'");
        }

        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = SplitLine(line);
            if (fields.Count != Header.Length)
            {
                throw new InvalidDataException($"{country} region catalogue line {lineNumber} has {fields.Count} fields, expected {Header.Length}");
            }

            var id = RegionId.Of(country, fields[0]);
            RegionId? parent = fields[1].Length == 0 ? null : RegionId.Of(country, fields[1]);
            var level = int.Parse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture);
            yield return new Region(id, parent, level, fields[3], fields[4], fields[5].Length == 0 ? null : fields[5]);
        }
    }

    /// <summary>Reads <c>region_id,alias,note</c> rows.</summary>
    public static IEnumerable<KeyValuePair<RegionId, string>> ReadAliases(TextReader reader)
    {
        var header = reader.ReadLine();
        if (header != "region_id,alias,note")
        {
            throw new InvalidDataException($"region aliases have header '{header}', expected 'region_id,alias,note'");
        }

        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var fields = SplitLine(line);
            yield return new(RegionId.Parse(fields[0]), fields[1]);
        }
    }

    internal static List<string> SplitLine(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
