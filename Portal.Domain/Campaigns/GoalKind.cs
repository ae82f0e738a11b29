namespace Portal.Domain.Campaigns;

/// <summary>What a campaign goal counts.</summary>
public enum GoalKind
{
    /// <summary>Money in Vietnamese đồng, whole đồng only.</summary>
    Money = 1,
    /// <summary>Labour days (ngày công), in half days.</summary>
    LabourDays = 2,
    /// <summary>Materials, with their own unit ("tấn xi măng", "m³ cát").</summary>
    Materials = 3,
    /// <summary>Land donated, in m² (hiến đất).</summary>
    Land = 4,
    /// <summary>Kilometres of road built: recorded by the organisers as work progresses, not pledged.</summary>
    Length = 5,
}

/// <summary>Pure: the amounts a goal or a pledge may hold for each kind, with the message key of each refusal.</summary>
public static class GoalAmounts
{
    /// <summary>The largest single pledge per kind: beyond it a typing slip is far likelier than a real gift.</summary>
    public static decimal MaxPledge(GoalKind kind) => kind switch
    {
        GoalKind.Money => 5_000_000_000m,       // 5 tỷ đồng
        GoalKind.LabourDays => 1_000m,
        GoalKind.Materials => 10_000m,
        GoalKind.Land => 50_000m,               // 5 ha
        GoalKind.Length => 1_000m,
        _ => throw new DomainRuleException("goal.kind.invalid"),
    };

    /// <summary>The largest target per kind.</summary>
    public static decimal MaxTarget(GoalKind kind) => kind switch
    {
        GoalKind.Money => 1_000_000_000_000m,   // 1.000 tỷ đồng
        GoalKind.LabourDays => 10_000_000m,
        GoalKind.Materials => 10_000_000m,
        GoalKind.Land => 10_000_000m,
        GoalKind.Length => 10_000m,
        _ => throw new DomainRuleException("goal.kind.invalid"),
    };

    /// <summary>Decimal places an amount may have: whole đồng, half labour days, and so on.</summary>
    public static int Decimals(GoalKind kind) => kind switch
    {
        GoalKind.Money => 0,
        GoalKind.LabourDays => 1,
        GoalKind.Materials => 3,
        GoalKind.Land => 1,
        GoalKind.Length => 3,
        _ => throw new DomainRuleException("goal.kind.invalid"),
    };

    /// <summary>A pledged or contributed amount: positive, in the kind's precision, at most the kind's bound.</summary>
    public static decimal CheckPledge(GoalKind kind, decimal amount)
    {
        if (amount <= 0) throw new DomainRuleException("pledge.amount.not-positive");
        CheckPrecision(kind, amount);
        var max = MaxPledge(kind);
        if (amount > max) throw new DomainRuleException($"pledge.amount.too-large.{Key(kind)}", max);
        return amount;
    }

    /// <summary>What was actually contributed may be zero (nothing came) but never negative.</summary>
    public static decimal CheckFulfilled(GoalKind kind, decimal amount)
    {
        if (amount < 0) throw new DomainRuleException("pledge.amount.negative");
        if (amount == 0) return 0;
        return CheckPledge(kind, amount);
    }

    public static decimal CheckTarget(GoalKind kind, decimal target)
    {
        if (target <= 0) throw new DomainRuleException("goal.target.not-positive");
        CheckPrecision(kind, target);
        if (target > MaxTarget(kind)) throw new DomainRuleException("goal.target.too-large", MaxTarget(kind));
        return target;
    }

    /// <summary>Labour days come in halves (a morning's work); the rest in the kind's decimal places.</summary>
    private static void CheckPrecision(GoalKind kind, decimal amount)
    {
        if (kind == GoalKind.Money && amount != decimal.Truncate(amount)) throw new DomainRuleException("pledge.amount.whole-dong");
        if (kind == GoalKind.LabourDays && amount * 2 != decimal.Truncate(amount * 2)) throw new DomainRuleException("pledge.amount.half-days");
        if (decimal.Round(amount, Decimals(kind)) != amount) throw new DomainRuleException("pledge.amount.precision", Decimals(kind));
    }

    public static string Key(GoalKind kind) => kind switch
    {
        GoalKind.Money => "money",
        GoalKind.LabourDays => "labour",
        GoalKind.Materials => "materials",
        GoalKind.Land => "land",
        GoalKind.Length => "length",
        _ => "unknown",
    };

    /// <summary>The unit shown beside an amount when the goal has no unit of its own.</summary>
    public static string DefaultUnit(GoalKind kind) => kind switch
    {
        GoalKind.Money => "đồng",
        GoalKind.LabourDays => "ngày công",
        GoalKind.Land => "m²",
        GoalKind.Length => "km",
        _ => "",
    };
}
