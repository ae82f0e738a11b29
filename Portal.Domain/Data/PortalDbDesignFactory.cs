using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Portal.Domain.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the app; it never connects.</summary>
public sealed class PortalDbDesignFactory : IDesignTimeDbContextFactory<PortalDb>
{
    public PortalDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PortalDb>();
        PortalDb.Configure(options, "Host=localhost;Database=portal_design");
        return new PortalDb(options.Options);
    }
}
