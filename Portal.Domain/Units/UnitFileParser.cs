using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;

namespace Portal.Domain.Units;

/// <summary>One unit as read from an import file. <see cref="Line"/> is where it was read (1-based), for error reports.</summary>
public sealed record UnitRow(int Line, string? Code, string Name, string? FullName, string? NameEn, UnitLevel Level, string? ParentCode, string? ParentName = null);

public sealed record RejectedRow(int Line, string Reason);

public sealed record ParsedUnitFile(IReadOnlyList<UnitRow> Rows, IReadOnlyList<RejectedRow> Rejected);

/// <summary>Pure: reads the official list of units, either the JSON shape of the national dataset
/// (provinces with their Wards) or a CSV "code,name,level,parent_code".</summary>
public static class UnitFileParser
{
    public static ParsedUnitFile Parse(Stream content, string fileName)
    {
        using var reader = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var text = reader.ReadToEnd();
        var trimmed = text.TrimStart('\uFEFF', ' ', '\r', '\n', '\t');
        return trimmed.StartsWith('[') || fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? ParseJson(text)
            : ParseCsv(text);
    }

    public static ParsedUnitFile ParseJson(string json)
    {
        var rows = new List<UnitRow>();
        var rejected = new List<RejectedRow>();
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json); }
        catch (JsonException e) { return new([], [new RejectedRow((int)(e.LineNumber ?? 0) + 1, $"JSON không hợp lệ: {e.Message}")]); }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
                return new([], [new RejectedRow(1, "Tệp JSON phải là một mảng các tỉnh.")]);
            var index = 0;
            foreach (var province in doc.RootElement.EnumerateArray())
            {
                index++;
                var code = Str(province, "Code");
                var name = Str(province, "Name");
                if (string.IsNullOrWhiteSpace(code) || string.IsNullOrWhiteSpace(name))
                {
                    rejected.Add(new(index, "Tỉnh thiếu mã (Code) hoặc tên (Name)."));
                    continue;
                }
                rows.Add(new UnitRow(index, Text.Clean(code), Text.Clean(name), Str(province, "FullName"), Str(province, "NameEn"), UnitLevel.Province, null));
                if (!province.TryGetProperty("Wards", out var wards) || wards.ValueKind != JsonValueKind.Array) continue;
                foreach (var ward in wards.EnumerateArray())
                {
                    index++;
                    var wardCode = Str(ward, "Code");
                    var wardName = Str(ward, "Name");
                    if (string.IsNullOrWhiteSpace(wardCode) || string.IsNullOrWhiteSpace(wardName))
                    {
                        rejected.Add(new(index, "Xã/phường thiếu mã (Code) hoặc tên (Name)."));
                        continue;
                    }
                    rows.Add(new UnitRow(index, Text.Clean(wardCode), Text.Clean(wardName), Str(ward, "FullName"), Str(ward, "NameEn"),
                        UnitLevel.Commune, Text.CleanOrNull(Str(ward, "ProvinceCode")) ?? code));
                }
            }
        }
        return new(rows, rejected);
    }

    public static ParsedUnitFile ParseCsv(string csv)
    {
        var rows = new List<UnitRow>();
        var rejected = new List<RejectedRow>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            BadDataFound = null,
            MissingFieldFound = null,
            TrimOptions = TrimOptions.Trim,
            DetectDelimiter = true,
        };
        using var csvReader = new CsvReader(new StringReader(csv.TrimStart('\uFEFF')), config);
        while (csvReader.Read())
        {
            var line = csvReader.Parser.RawRow;
            var fields = csvReader.Parser.Record ?? [];
            if (fields.All(string.IsNullOrWhiteSpace)) continue;
            if (line == 1 && fields.Length > 0 && Text.Clean(fields[0]).Equals("code", StringComparison.OrdinalIgnoreCase)) continue;
            if (fields.Length < 3)
            {
                rejected.Add(new(line, "Thiếu cột: cần code,name,level,parent_code."));
                continue;
            }
            var code = Text.CleanOrNull(fields[0]);
            var name = Text.Clean(fields[1]);
            var parentCode = fields.Length > 3 ? Text.CleanOrNull(fields[3]) : null;
            if (name.Length == 0) { rejected.Add(new(line, "Thiếu tên đơn vị.")); continue; }
            if (name.Length > Unit.MaxNameLength) { rejected.Add(new(line, $"Tên dài quá {Unit.MaxNameLength} ký tự.")); continue; }
            if (!UnitLevels.TryParse(fields[2], out var level)) { rejected.Add(new(line, $"Cấp không hợp lệ: '{fields[2]}' (Province, District, Commune, Village).")); continue; }
            if (code is not null && (code.Length > 20 || !code.All(char.IsAsciiLetterOrDigit))) { rejected.Add(new(line, $"Mã không hợp lệ: '{code}'.")); continue; }
            if (level != UnitLevel.Province && parentCode is null) { rejected.Add(new(line, "Thiếu mã đơn vị cấp trên (parent_code).")); continue; }
            if (level == UnitLevel.Village && code is null)
            {
                // Villages have no national code: identified by name under their parent.
            }
            else if (code is null) { rejected.Add(new(line, "Thiếu mã đơn vị (bắt buộc trừ thôn, tổ dân phố).")); continue; }
            rows.Add(new UnitRow(line, code, name, null, null, level, parentCode));
        }
        return new(rows, rejected);
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
