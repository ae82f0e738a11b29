namespace Portal.Domain.Units;

/// <summary>Level of an administrative unit. District exists only in the pre-July-2025 three-tier tree.
/// Country is the single root, so that a nationwide role is an ordinary role on a unit.</summary>
public enum UnitLevel
{
    Country = 0,
    Province = 1,
    District = 2,
    Commune = 3,
    Village = 4,
}

public static class UnitLevels
{
    /// <summary>May a unit of level <paramref name="child"/> sit directly under one of level <paramref name="parent"/>?
    /// Communes hang under a province (two-tier) or a district (three-tier).</summary>
    public static bool MayHaveChild(UnitLevel parent, UnitLevel child) => (parent, child) switch
    {
        (UnitLevel.Country, UnitLevel.Province) => true,
        (UnitLevel.Province, UnitLevel.District) => true,
        (UnitLevel.Province, UnitLevel.Commune) => true,
        (UnitLevel.District, UnitLevel.Commune) => true,
        (UnitLevel.Commune, UnitLevel.Village) => true,
        _ => false,
    };

    public static bool TryParse(string? text, out UnitLevel level)
    {
        level = default;
        var t = Text.Clean(text).ToLowerInvariant();
        UnitLevel? parsed = t switch
        {
            "province" or "tỉnh" or "tinh" or "thành phố trực thuộc trung ương" or "1" => UnitLevel.Province,
            "district" or "huyện" or "huyen" or "quận" or "thị xã" or "2" => UnitLevel.District,
            "commune" or "ward" or "xã" or "xa" or "phường" or "phuong" or "đặc khu" or "thị trấn" or "3" => UnitLevel.Commune,
            "village" or "thôn" or "thon" or "tổ dân phố" or "bản" or "khu dân cư" or "4" => UnitLevel.Village,
            _ => null,
        };
        if (parsed is null) return false;
        level = parsed.Value;
        return true;
    }
}
