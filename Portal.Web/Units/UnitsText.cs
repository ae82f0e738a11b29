using Microsoft.Extensions.Localization;
using Portal.Domain.Units;

namespace Portal.Web.Units;

/// <summary>Marker for the administrative units' UI text: the Vietnamese text is the key, English in UnitsText.en.resx.</summary>
public sealed class UnitsText;

public static class UnitLevelNames
{
    /// <summary>The level as people call it ("Xã, phường, đặc khu").</summary>
    public static string LevelName(this IStringLocalizer<UnitsText> T, UnitLevel level) => level switch
    {
        UnitLevel.Country => T["Quốc gia"],
        UnitLevel.Province => T["Tỉnh, thành phố"],
        UnitLevel.District => T["Quận, huyện (cũ)"],
        UnitLevel.Commune => T["Xã, phường, đặc khu"],
        UnitLevel.Village => T["Thôn, tổ dân phố"],
        _ => level.ToString(),
    };

    /// <summary>Levels a unit of <paramref name="level"/> may be moved under (the single country root excluded).</summary>
    public static UnitLevel[] ParentLevels(UnitLevel level) =>
        Enum.GetValues<UnitLevel>().Where(p => p != UnitLevel.Country && UnitLevels.MayHaveChild(p, level)).ToArray();
}
