namespace Portal.Domain.Deadlines;

public enum HolidayKind
{
    /// <summary>Ngày nghỉ lễ, Tết (Labour Code 2019 Art. 112).</summary>
    PublicHoliday = 1,
    /// <summary>Ngày nghỉ bù: a weekday off instead of a holiday that fell on a weekend, or moved by a government decision.</summary>
    CompensatoryDayOff = 2,
    /// <summary>Thứ Bảy làm bù: a Saturday worked in exchange for a day off.</summary>
    WorkingSaturday = 3,
}

/// <summary>One day of the holiday calendar. Admin-editable; deadlines counted in working days skip these.</summary>
public sealed class Holiday
{
    private Holiday() { }

    public Holiday(DateOnly date, string name, HolidayKind kind)
    {
        Update(date, name, kind);
    }

    public int Id { get; private set; }
    public DateOnly Date { get; private set; }
    public string Name { get; private set; } = "";
    public HolidayKind Kind { get; private set; }

    public void Update(DateOnly date, string name, HolidayKind kind)
    {
        name = Text.Clean(name);
        if (name.Length is 0 or > 120) throw new DomainRuleException("holiday.name.invalid");
        if (date.Year is < 2000 or > 2100) throw new DomainRuleException("holiday.date.out-of-range", date);
        if (!Enum.IsDefined(kind)) throw new DomainRuleException("holiday.kind.invalid");
        if (kind == HolidayKind.WorkingSaturday && date.DayOfWeek != DayOfWeek.Saturday)
            throw new DomainRuleException("holiday.working-saturday.not-saturday", date);
        Date = date;
        Name = name;
        Kind = kind;
    }
}

/// <summary>A day of the calendar as the calculator sees it (no identity, no EF).</summary>
public sealed record CalendarDay(DateOnly Date, string Name, HolidayKind Kind);
