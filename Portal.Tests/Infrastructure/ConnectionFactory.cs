using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;

namespace Portal.Tests.Infrastructure;

/// <summary>An IDbContextFactory over a connection string, for arranging data in a web factory's database.</summary>
public sealed class ConnectionFactory(string connectionString) : IDbContextFactory<PortalDb>
{
    public PortalDb CreateDbContext() => TestDatabase.Open(connectionString);
}
