using Portal.Domain.Attachments;

namespace Portal.Tests.Attachments;

public class FileSignatureTests
{
    public static TheoryData<string, byte[], FileKind> Known => new()
    {
        { "jpeg", SampleFiles.Jpeg(), FileKind.Jpeg },
        { "png", SampleFiles.Png(), FileKind.Png },
        { "webp", SampleFiles.WebP(), FileKind.WebP },
        { "gif", SampleFiles.Gif(), FileKind.Gif },
        { "pdf", SampleFiles.Pdf(), FileKind.Pdf },
        { "docx", SampleFiles.Docx(), FileKind.Docx },
    };

    [Theory]
    [MemberData(nameof(Known))]
    public void ShouldRecogniseEachAcceptedKindByItsContent(string _, byte[] bytes, FileKind kind) =>
        Assert.Equal(kind, FileSignature.Detect(bytes));

    [Fact]
    public void ShouldRefuseAProgramAScriptAndAnEmptyFile()
    {
        Assert.Null(FileSignature.Detect(SampleFiles.Exe()));
        Assert.Null(FileSignature.Detect(SampleFiles.Html()));
        Assert.Null(FileSignature.Detect([]));
    }

    [Fact]
    public void ShouldNotTakeAnyZipForADocx()
    {
        Assert.Null(FileSignature.Detect(SampleFiles.Zip("xl/workbook.xml")));
        Assert.Null(FileSignature.Detect([0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5])); // a zip's signature on garbage
    }

    [Fact]
    public void ShouldOpenImagesAndPdfInlineAndDownloadDocuments()
    {
        Assert.True(FileSignature.OpensInline(FileKind.Png));
        Assert.True(FileSignature.OpensInline(FileKind.Pdf));
        Assert.False(FileSignature.OpensInline(FileKind.Docx));
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", FileSignature.ContentType(FileKind.Docx));
    }
}
