using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Portal.Domain.Attachments;
using Portal.Web.Attachments;

namespace Portal.Tests.Attachments;

/// <summary>The file picker in bUnit: files are read and checked as soon as they are chosen.</summary>
public class AttachmentPickerTests : IAsyncLifetime
{
    private static readonly AttachmentLimits Limits = new(AttachmentLimits.ImagesAndPdf, 2, 1000);
    private readonly BunitContext ctx = new();
    private IReadOnlyList<IncomingFile> files = [];

    public Task InitializeAsync()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("vi-VN");
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await ctx.DisposeAsync();

    [Fact]
    public void ShouldKeepGoodFilesAndRefuseAWrongKindAndAnOversizeOneByName()
    {
        var picker = Render();

        picker.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromBinary(SampleFiles.Png(), "anh-duong.png"),
            InputFileContent.CreateFromBinary(SampleFiles.Exe(), "x.exe"),
            InputFileContent.CreateFromBinary(SampleFiles.Pdf(1001), "lon.pdf"));

        picker.WaitForAssertion(() => Assert.Contains("Tệp 'x.exe' không phải ảnh hoặc PDF.", picker.Markup));
        Assert.Contains("Tệp 'lon.pdf' quá 1 MB.", picker.Markup);
        Assert.Equal(["anh-duong.png"], files.Select(f => f.Name));
        Assert.Contains("anh-duong.png", picker.Find("ul.attachment-chosen").TextContent);
        Assert.Contains("Tối đa 2 tệp ảnh hoặc PDF, mỗi tệp đến 1 MB.", picker.Markup);
    }

    [Fact]
    public void ShouldStopAtTheMaximumCountAndLetAFileBeRemoved()
    {
        var picker = Render();

        picker.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromBinary(SampleFiles.Png(), "1.png"),
            InputFileContent.CreateFromBinary(SampleFiles.Jpeg(), "2.jpg"),
            InputFileContent.CreateFromBinary(SampleFiles.Gif(), "3.gif"));

        picker.WaitForAssertion(() => Assert.Contains("Chỉ được đính kèm tối đa 2 tệp.", picker.Markup));
        Assert.Equal(["1.png", "2.jpg"], files.Select(f => f.Name));
        Assert.True(picker.Find("button.attachment-choose").HasAttribute("disabled"));

        picker.Find("button.attachment-remove[aria-label='Bỏ tệp 1.png']").Click();

        picker.WaitForAssertion(() => Assert.Equal(["2.jpg"], files.Select(f => f.Name)));
        Assert.False(picker.Find("button.attachment-choose").HasAttribute("disabled"));
        Assert.DoesNotContain("1.png", picker.Find("ul.attachment-chosen").TextContent);
    }

    private IRenderedComponent<AttachmentPicker> Render() =>
        ctx.Render<AttachmentPicker>(p => p
            .Add(x => x.Limits, Limits)
            .Add(x => x.Files, files)
            .Add(x => x.FilesChanged, (IReadOnlyList<IncomingFile> chosen) => files = chosen));
}
