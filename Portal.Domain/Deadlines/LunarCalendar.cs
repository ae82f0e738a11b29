namespace Portal.Domain.Deadlines;

/// <summary>
/// Pure Vietnamese lunisolar calendar (Hồ Ngọc Đức's astronomical algorithm), computed for UTC+7 as Vietnam's
/// calendar is. Used to place Tết Nguyên Đán and Giỗ Tổ Hùng Vương on the solar calendar.
/// </summary>
public static class LunarCalendar
{
    private const double TimeZone = 7.0;

    /// <summary>The solar date of lunar day/month of a lunar year (no leap month), or null when it does not exist.</summary>
    public static DateOnly? ToSolar(int lunarDay, int lunarMonth, int lunarYear, bool leapMonth = false)
    {
        int a11, b11;
        if (lunarMonth < 11)
        {
            a11 = LunarMonth11(lunarYear - 1);
            b11 = LunarMonth11(lunarYear);
        }
        else
        {
            a11 = LunarMonth11(lunarYear);
            b11 = LunarMonth11(lunarYear + 1);
        }
        var k = (int)Math.Floor(0.5 + (a11 - 2415021.076998695) / 29.530588853);
        var off = lunarMonth - 11;
        if (off < 0) off += 12;
        if (b11 - a11 > 365)
        {
            var leapOff = LeapMonthOffset(a11);
            var leap = leapOff - 2;
            if (leap < 0) leap += 12;
            if (leapMonth && lunarMonth != leap) return null;
            if (leapMonth || off >= leapOff) off += 1;
        }
        else if (leapMonth)
        {
            return null;
        }
        var monthStart = NewMoonDay(k + off);
        return FromJulianDay(monthStart + lunarDay - 1);
    }

    /// <summary>Mùng 1 Tết: the first day of the lunar year that begins in solar year <paramref name="lunarYear"/>.</summary>
    public static DateOnly LunarNewYear(int lunarYear) => ToSolar(1, 1, lunarYear)!.Value;

    private static int JulianDay(int dd, int mm, int yy)
    {
        var a = (14 - mm) / 12;
        var y = yy + 4800 - a;
        var m = mm + 12 * a - 3;
        var jd = dd + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045;
        if (jd < 2299161) jd = dd + (153 * m + 2) / 5 + 365 * y + y / 4 - 32083;
        return jd;
    }

    private static DateOnly FromJulianDay(int jd)
    {
        int b, c;
        if (jd > 2299160)
        {
            var a = jd + 32044;
            b = (4 * a + 3) / 146097;
            c = a - b * 146097 / 4;
        }
        else
        {
            b = 0;
            c = jd + 32082;
        }
        var d = (4 * c + 3) / 1461;
        var e = c - 1461 * d / 4;
        var m = (5 * e + 2) / 153;
        var day = e - (153 * m + 2) / 5 + 1;
        var month = m + 3 - 12 * (m / 10);
        var year = b * 100 + d - 4800 + m / 10;
        return new DateOnly(year, month, day);
    }

    private static double NewMoon(int k)
    {
        var t = k / 1236.85;
        var t2 = t * t;
        var t3 = t2 * t;
        const double dr = Math.PI / 180;
        var jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
        jd1 += 0.00033 * Math.Sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
        var m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
        var mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
        var f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
        var c1 = (0.1734 - 0.000393 * t) * Math.Sin(m * dr) + 0.0021 * Math.Sin(2 * dr * m);
        c1 = c1 - 0.4068 * Math.Sin(mpr * dr) + 0.0161 * Math.Sin(dr * 2 * mpr);
        c1 -= 0.0004 * Math.Sin(dr * 3 * mpr);
        c1 = c1 + 0.0104 * Math.Sin(dr * 2 * f) - 0.0051 * Math.Sin(dr * (m + mpr));
        c1 = c1 - 0.0074 * Math.Sin(dr * (m - mpr)) + 0.0004 * Math.Sin(dr * (2 * f + m));
        c1 = c1 - 0.0004 * Math.Sin(dr * (2 * f - m)) - 0.0006 * Math.Sin(dr * (2 * f + mpr));
        c1 = c1 + 0.0010 * Math.Sin(dr * (2 * f - mpr)) + 0.0005 * Math.Sin(dr * (2 * mpr + m));
        var deltaT = t < -11
            ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
            : -0.000278 + 0.000265 * t + 0.000262 * t2;
        return jd1 + c1 - deltaT;
    }

    private static int NewMoonDay(int k) => (int)Math.Floor(NewMoon(k) + 0.5 + TimeZone / 24);

    private static double SunLongitude(double jdn)
    {
        var t = (jdn - 2451545.0) / 36525;
        var t2 = t * t;
        const double dr = Math.PI / 180;
        var m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
        var l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
        var dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.Sin(dr * m);
        dl = dl + (0.019993 - 0.000101 * t) * Math.Sin(dr * 2 * m) + 0.000290 * Math.Sin(dr * 3 * m);
        var l = (l0 + dl) * dr;
        return l - Math.PI * 2 * Math.Floor(l / (Math.PI * 2));
    }

    private static int SunSector(int dayNumber) => (int)Math.Floor(SunLongitude(dayNumber - 0.5 - TimeZone / 24) / Math.PI * 6);

    private static int LunarMonth11(int year)
    {
        var off = JulianDay(31, 12, year) - 2415021;
        var k = (int)Math.Floor(off / 29.530588853);
        var nm = NewMoonDay(k);
        return SunSector(nm) >= 9 ? NewMoonDay(k - 1) : nm;
    }

    private static int LeapMonthOffset(int a11)
    {
        var k = (int)Math.Floor((a11 - 2415021.076998695) / 29.530588853 + 0.5);
        int last, i = 1;
        var arc = SunSector(NewMoonDay(k + i));
        do
        {
            last = arc;
            i++;
            arc = SunSector(NewMoonDay(k + i));
        } while (arc != last && i < 14);
        return i - 1;
    }
}
