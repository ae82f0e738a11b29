using Microsoft.EntityFrameworkCore;

namespace Portal.Domain.Units;

/// <summary>An administrative unit: province, (old) district, commune/ward, or village/residential group.</summary>
public sealed class Unit
{
    public const int MaxNameLength = 200;

    private Unit() { }

    public int Id { get; private set; }
    /// <summary>Official code (2 digits province, 5 digits commune); villages have none.</summary>
    public string? Code { get; private set; }
    public string Name { get; private set; } = "";
    public string FullName { get; private set; } = "";
    public string? NameEn { get; private set; }
    public UnitLevel Level { get; private set; }
    public int? ParentId { get; private set; }
    public Unit? Parent { get; private set; }
    /// <summary>ltree of ids from the root ("12.345.6789"): a scope check is one indexed &lt;@ query.</summary>
    public LTree Path { get; private set; }
    public bool IsActive { get; private set; } = true;
    public uint Version { get; private set; }

    public static Unit Create(int id, string? code, string name, string? fullName, UnitLevel level, Unit? parent, string? nameEn = null)
    {
        var unit = new Unit { Id = id };
        unit.SetCode(code);
        unit.Rename(name, fullName, nameEn);
        unit.Level = level;
        unit.PlaceUnder(parent);
        return unit;
    }

    public void SetCode(string? code)
    {
        code = Text.CleanOrNull(code);
        if (code is not null && (code.Length > 20 || !code.All(char.IsAsciiLetterOrDigit)))
            throw new DomainRuleException("unit.code.invalid", code);
        Code = code;
    }

    /// <returns>true when anything changed.</returns>
    public bool Rename(string name, string? fullName, string? nameEn = null)
    {
        name = Text.Clean(name);
        if (name.Length == 0) throw new DomainRuleException("unit.name.required");
        if (name.Length > MaxNameLength) throw new DomainRuleException("unit.name.too-long", MaxNameLength);
        var full = Text.CleanOrNull(fullName) ?? name;
        if (full.Length > MaxNameLength) throw new DomainRuleException("unit.name.too-long", MaxNameLength);
        var en = Text.CleanOrNull(nameEn) ?? NameEn;
        var changed = name != Name || full != FullName || en != NameEn;
        Name = name;
        FullName = full;
        NameEn = en;
        return changed;
    }

    /// <summary>Sets parent and path. Callers moving a unit with children must also re-path the subtree
    /// (<see cref="UnitService.Move"/> does it in one statement).</summary>
    public void PlaceUnder(Unit? parent)
    {
        if (parent is null)
        {
            if (Level != UnitLevel.Country)
                throw new DomainRuleException("unit.parent.required", Level);
            ParentId = null;
            Parent = null;
            Path = new LTree(Id.ToString());
            return;
        }
        if (!UnitLevels.MayHaveChild(parent.Level, Level))
            throw new DomainRuleException("unit.parent.wrong-level", Level, parent.Level);
        if (parent.Id == Id || ((string)parent.Path).Split('.').Contains(Id.ToString()))
            throw new DomainRuleException("unit.parent.cycle");
        ParentId = parent.Id;
        Parent = parent;
        Path = new LTree($"{parent.Path}.{Id}");
    }

    public void Retire() => IsActive = false;

    public void Reactivate() => IsActive = true;

    public override string ToString() => FullName;
}
