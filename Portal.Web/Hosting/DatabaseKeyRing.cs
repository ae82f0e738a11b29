using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;

namespace Portal.Web.Hosting;

/// <summary>
/// The Data Protection key ring in the portal's database (table data_protection_keys), so that a sign-in cookie,
/// an antiforgery token or an email-confirmation link made by one web node is read by every other. Same behaviour as
/// the EF Core package's repository, without putting ASP.NET into Portal.Domain (see docs/decisions.md).
/// </summary>
public sealed class DatabaseKeyRing(IDbContextFactory<PortalDb> dbs) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = dbs.CreateDbContext();
        return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).AsEnumerable()
            .Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = dbs.CreateDbContext();
        db.DataProtectionKeys.Add(new KeyRingEntry(friendlyName, element.ToString(SaveOptions.DisableFormatting)));
        db.SaveChanges();
    }
}
