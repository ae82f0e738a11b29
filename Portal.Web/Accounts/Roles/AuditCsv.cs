using System.Globalization;
using System.Text;
using Portal.Domain.Audit;
using Portal.Web.Shell;

namespace Portal.Web.Accounts.Roles;

/// <summary>Audit rows as CSV for a spreadsheet: UTF-8 with a byte-order mark (so Excel reads Vietnamese correctly),
/// times in Vietnam's zone, and cells that a spreadsheet would take for a formula neutralised.</summary>
public static class AuditCsv
{
    public static byte[] Write(IEnumerable<AuditRow> rows, IReadOnlyList<string> headers)
    {
        var csv = new StringBuilder();
        Line(csv, headers);
        foreach (var row in rows)
            Line(csv, [
                Cultures.ToLocal(row.At).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                row.ActorName, row.Action, row.ItemType, row.ItemId, row.UnitName,
                row.Before ?? "", row.After ?? "", row.Reason ?? "",
            ]);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    internal static void Line(StringBuilder csv, IEnumerable<string> cells)
    {
        csv.AppendJoin(',', cells.Select(Cell));
        csv.Append("\r\n");
    }

    internal static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
