using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Accounts;
using Portal.Domain.Attachments;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Attachments;

/// <summary>GET /tep/{id}/{name} over HTTP: the detected type, nosniff, inline or download, and 404 for what the viewer
/// may not see.</summary>
public class AttachmentEndpointTests(AttachmentEndpointTests.Factory factory) : IClassFixture<AttachmentEndpointTests.Factory>
{
    public sealed class Factory : PortalWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<IAttachmentAccess, AttachmentStoreTests.NoteAccess>());
        }
    }

    private static readonly AttachmentLimits Limits = new(AttachmentLimits.Documents, 5, AttachmentLimits.MegaByte);

    [Fact]
    public async Task ShouldSendAPublicImageInlineWithItsDetectedTypeAndNosniff()
    {
        var bytes = SampleFiles.Png(3000);
        var id = await AttachAsync("public", "ảnh đường.pdf", bytes); // named .pdf, but it is a PNG

        var response = await factory.CreateClient().GetAsync($"/tep/{id}/anh.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("ảnh đường.pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ShouldMakeADocumentADownload()
    {
        var id = await AttachAsync("public", "bien-ban.docx", SampleFiles.Docx());

        var response = await factory.CreateClient().GetAsync($"/tep/{id}/bien-ban.docx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Fact]
    public async Task ShouldAnswerNotFoundForAFileTheViewerMayNotSeeOrThatDoesNotExist()
    {
        var hidden = await AttachAsync("mai-only", "don.pdf", SampleFiles.Pdf());
        var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/tep/{hidden}/don.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/tep/{Guid.NewGuid()}/x.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/tep/not-a-guid/x.pdf")).StatusCode);
    }

    [Fact]
    public void ShouldRegisterTheDialoguePillarsAccessRules()
    {
        var kinds = factory.Services.GetServices<IAttachmentAccess>().Select(r => r.OwnerKind).ToList();

        Assert.Contains("question", kinds);
        Assert.Contains("answer", kinds);
        Assert.Contains("progress", kinds);
    }

    private async Task<Guid> AttachAsync(string noteId, string name, byte[] bytes)
    {
        await using var db = new ConnectionFactory(factory.ConnectionString).CreateDbContext();
        var added = await db.AttachAsync(new AttachmentOwner("note", noteId), [new(name, bytes)], Limits, Actor.System, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
        return added.Single().Id;
    }
}
