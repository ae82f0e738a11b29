using System.Globalization;
using Portal.Domain.Deadlines;

namespace Portal.Web.Dialogues;

/// <summary>Instants as people in Vietnam read them, whatever the server's time zone: dd/MM/yyyy HH:mm.</summary>
public static class VietnamTimeFormat
{
    public static DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, DeadlineCalculator.VietnamTime);

    public static string DateTime(DateTimeOffset at) => Local(at).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset at) => Local(at).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>For the machine-readable datetime attribute of &lt;time&gt;.</summary>
    public static string Iso(DateTimeOffset at) => Local(at).ToString("yyyy-MM-ddTHH:mmzzz", CultureInfo.InvariantCulture);
}
