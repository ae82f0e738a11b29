using System.Globalization;

namespace Portal.Web.Dialogues.Staff;

/// <summary>Conferences happen in Vietnam: staff type and read their times in Vietnam time (UTC+7, no daylight saving),
/// whatever the server's or browser's zone.</summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateTime Local(DateTimeOffset at) => at.ToOffset(Offset).DateTime;

    public static DateTimeOffset At(DateTime local) => new(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Offset);

    /// <summary>The end of that day in Vietnam (a due date typed as a day).</summary>
    public static DateTimeOffset EndOf(DateOnly day) => At(day.ToDateTime(new TimeOnly(23, 59)));

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Local(clock.GetUtcNow()));

    public static string Show(DateTimeOffset at) => Local(at).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string ShowDate(DateTimeOffset at) => Local(at).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
