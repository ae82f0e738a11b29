using System.Runtime.CompilerServices;
using Bunit;

namespace Portal.Tests.Infrastructure;

internal static class TestSetup
{
    /// <summary>bUnit's WaitFor* give up after one second by default; on a busy 2-core CI machine a component backed by
    /// PostgreSQL may need longer. A longer bound costs nothing when the assertion passes early.</summary>
    [ModuleInitializer]
    internal static void Initialize() => BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(15);
}
