using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Portal.Domain;
using Portal.Domain.Deadlines;

namespace Portal.Tests.Deadlines;

public class DeadlineCalculatorTests
{
    private static readonly DeadlineCalculator Calendar = new(Enumerable.Range(2025, 4).SelectMany(HolidayRules.ForYear));

    private static DateTimeOffset Vietnam(int y, int m, int d, int hour = 9) => new(y, m, d, hour, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void ShouldSkipTetWhenCountingWorkingDaysAndSayWhy()
    {
        var result = Calendar.Compute(Vietnam(2026, 2, 2), 15, DayCounting.WorkingDays);

        Assert.Equal(new DateOnly(2026, 3, 2), result.DueDate);
        Assert.Equal("15 ngày làm việc kể từ 02/02/2026; không tính Tết Nguyên Đán 14/02–22/02/2026 → hạn 02/03/2026", result.ExplanationVi);
        Assert.Equal("15 working days from 02/02/2026; not counting Tết Nguyên Đán 14/02–22/02/2026 → due 02/03/2026", result.ExplanationEn);
    }

    [Fact]
    public void ShouldEndAtTheEndOfTheDueDayInVietnam()
    {
        var result = Calendar.Compute(Vietnam(2026, 3, 2), 1, DayCounting.WorkingDays);

        Assert.Equal(new DateTimeOffset(2026, 3, 3, 16, 59, 59, TimeSpan.Zero), result.Due);
    }

    [Fact]
    public void ShouldStartCountingFromTheVietnameseDateOfReceipt()
    {
        // 20:00 UTC on Friday 6 March is already Saturday 7 March in Vietnam: the count starts on Sunday, first working day Monday.
        var result = Calendar.Compute(new DateTimeOffset(2026, 3, 6, 20, 0, 0, TimeSpan.Zero), 1, DayCounting.WorkingDays);

        Assert.Equal(new DateOnly(2026, 3, 9), result.DueDate);
    }

    [Fact]
    public void ShouldCountAWorkingSaturday()
    {
        var withSaturday = new DeadlineCalculator([new CalendarDay(new DateOnly(2026, 3, 7), "Làm bù", HolidayKind.WorkingSaturday)]);

        Assert.Equal(new DateOnly(2026, 3, 7), withSaturday.Compute(Vietnam(2026, 3, 6), 1, DayCounting.WorkingDays).DueDate);
    }

    [Fact]
    public void ShouldMoveACalendarDeadlineOffARestDay()
    {
        // 30 days from 13/02/2026 is Sunday 15/03: it ends on Monday 16/03.
        var result = Calendar.Compute(Vietnam(2026, 2, 13), 30, DayCounting.CalendarDays);

        Assert.Equal(new DateOnly(2026, 3, 16), result.DueDate);
        Assert.True(result.MovedOffRestDay);
        Assert.Empty(result.Skipped);
        Assert.EndsWith("→ hạn 16/03/2026", result.ExplanationVi);
    }

    [Fact]
    public void ShouldRefuseANonPositiveLength() =>
        Assert.Equal("deadline.length.not-positive",
            Assert.Throws<DomainRuleException>(() => Calendar.Compute(Vietnam(2026, 1, 5), 0, DayCounting.WorkingDays)).Key);

    [Property(MaxTest = 300)]
    public Property ShouldEndOnAWorkingDayAfterExactlyTheRequestedWorkingDays()
    {
        var starts = Gen.Choose(0, 3 * 365).Select(d => Vietnam(2025, 1, 1).AddDays(d).AddHours(d % 13));
        var lengths = Gen.Choose(1, 60);
        return Prop.ForAll(starts.ToArbitrary(), lengths.ToArbitrary(), (start, length) =>
        {
            var result = Calendar.Compute(start, length, DayCounting.WorkingDays);
            var counted = 0;
            for (var d = result.StartDate.AddDays(1); d <= result.DueDate; d = d.AddDays(1))
                if (Calendar.IsWorkingDay(d)) counted++;
            return result.Due > start && Calendar.IsWorkingDay(result.DueDate) && counted == length;
        });
    }

    [Property(MaxTest = 300)]
    public Property ShouldNeverEndBeforeTheCalendarLength()
    {
        var starts = Gen.Choose(0, 3 * 365).Select(d => Vietnam(2025, 1, 1).AddDays(d));
        return Prop.ForAll(starts.ToArbitrary(), Gen.Choose(1, 90).ToArbitrary(), (start, length) =>
        {
            var result = Calendar.Compute(start, length, DayCounting.CalendarDays);
            return result.DueDate >= result.StartDate.AddDays(length) && Calendar.IsWorkingDay(result.DueDate);
        });
    }
}
