using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Data;

namespace Portal.Tests.Infrastructure;

/// <summary>A fresh database for one test class (IClassFixture), cloned from the migrated template.</summary>
public class DatabaseFixture : IAsyncLifetime, IDbContextFactory<PortalDb>
{
    public string ConnectionString { get; private set; } = "";

    /// <summary>Starts at a fixed instant in Vietnam's working hours; tests move it.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 2, 2, 2, 0, 0, TimeSpan.Zero));

    public PortalDb CreateDbContext() => TestDatabase.Open(ConnectionString);

    public virtual async Task InitializeAsync() => ConnectionString = await TestDatabase.CreateAsync(GetType().Name);

    public virtual async Task DisposeAsync() => await TestDatabase.DropAsync(ConnectionString);
}
