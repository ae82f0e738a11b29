using System.Globalization;

namespace Portal.Web.Campaigns;

/// <summary>
/// Reads an amount as people type it on a phone: "1.000.000", "1000000 đ", "1,5", "2.5". With both marks the last one
/// is the decimal mark; a lone "," is the Vietnamese decimal comma; a lone "." groups thousands only in groups of three.
/// </summary>
public static class AmountParser
{
    public static bool TryParse(string? text, out decimal amount)
    {
        amount = 0;
        var s = new string((text ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray()).TrimEnd('₫', 'đ', 'Đ');
        if (s.Length == 0 || s.Length > 30) return false;
        var comma = s.LastIndexOf(',');
        var dot = s.LastIndexOf('.');
        string normal;
        if (comma >= 0 && dot >= 0)
            normal = comma > dot ? s.Replace(".", "").Replace(',', '.') : s.Replace(",", "");
        else if (comma >= 0)
            normal = s.Count(c => c == ',') == 1 ? s.Replace(',', '.') : Grouped(s, ',');
        else if (dot >= 0)
            normal = IsGrouping(s, '.') ? s.Replace(".", "") : s;
        else
            normal = s;
        if (normal.Length == 0 || normal.Count(c => c == '.') > 1 || normal.Any(c => !char.IsAsciiDigit(c) && c != '.' && c != '-')) return false;
        return decimal.TryParse(normal, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out amount);
    }

    private static string Grouped(string s, char mark) => IsGrouping(s, mark) ? s.Replace(mark.ToString(), "") : "x";

    private static bool IsGrouping(string s, char mark)
    {
        var parts = s.TrimStart('-').Split(mark);
        return parts.Length > 1 && parts[0].Length is >= 1 and <= 3 && parts.Skip(1).All(p => p.Length == 3);
    }
}
