using System.Text;
using Portal.Domain;
using Portal.Domain.Attachments;

namespace Portal.Tests.Attachments;

public class AttachmentRulesTests
{
    private static readonly AttachmentLimits QuestionLimits = new(AttachmentLimits.ImagesAndPdf, 5, 10 * AttachmentLimits.MegaByte);

    [Fact]
    public void ShouldAcceptImagesAndPdfUpToTheLimits()
    {
        var files = AttachmentRules.Check([new("ảnh.jpg", SampleFiles.Jpeg()), new("đơn.pdf", SampleFiles.Pdf())], QuestionLimits);

        Assert.Equal([FileKind.Jpeg, FileKind.Pdf], files.Select(f => f.Kind));
    }

    [Fact]
    public void ShouldTrustTheContentNotTheName()
    {
        var png = AttachmentRules.CheckOne(new("giay-to.pdf", SampleFiles.Png()), QuestionLimits);
        Assert.Equal(FileKind.Png, png.Kind);

        var refused = Assert.Throws<DomainRuleException>(() => AttachmentRules.CheckOne(new("anh.jpg", SampleFiles.Exe()), QuestionLimits));
        Assert.Equal("attachment.kind.not-image-or-pdf", refused.Key);
        Assert.Equal("anh.jpg", refused.Args[0]);
    }

    [Fact]
    public void ShouldWordTheKindRefusalForWhatTheFeatureTakes()
    {
        var images = new AttachmentLimits(AttachmentLimits.Images, 3, AttachmentLimits.MegaByte);
        Assert.Equal("attachment.kind.not-image", Assert.Throws<DomainRuleException>(() => AttachmentRules.CheckOne(new("a.pdf", SampleFiles.Pdf()), images)).Key);

        var documents = new AttachmentLimits(new HashSet<FileKind> { FileKind.Pdf, FileKind.Docx }, 3, AttachmentLimits.MegaByte);
        var other = Assert.Throws<DomainRuleException>(() => AttachmentRules.CheckOne(new("a.png", SampleFiles.Png()), documents));
        Assert.Equal("attachment.kind.not-allowed", other.Key);
        Assert.Equal("PDF, DOCX", other.Args[1]);
    }

    [Fact]
    public void ShouldRefuseTooManyFilesAndAnOversizeOne()
    {
        var six = Enumerable.Range(1, 6).Select(i => new IncomingFile($"{i}.png", SampleFiles.Png())).ToList();
        var many = Assert.Throws<DomainRuleException>(() => AttachmentRules.Check(six, QuestionLimits));
        Assert.Equal(("attachment.too-many", (object?)5), (many.Key, many.Args[0]));

        var small = QuestionLimits with { MaxBytesEach = 1000 };
        var large = Assert.Throws<DomainRuleException>(() => AttachmentRules.CheckOne(new("lon.png", SampleFiles.Png(1001)), small));
        Assert.Equal("attachment.too-large", large.Key);
        Assert.Equal(1, large.Args[1]); // shown in whole megabytes, rounded up
        Assert.Equal("attachment.empty", Assert.Throws<DomainRuleException>(() => AttachmentRules.CheckOne(new("x.png", []), QuestionLimits)).Key);
    }

    [Theory]
    [InlineData("C:\\Users\\mai\\Ảnh\\đường.jpg", "đường.jpg")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("a<b>:\"c\"|?*.png", "a_b___c____.png")]
    [InlineData("  ...  ", "tep")]
    [InlineData("ten\u202Egnp.exe", "ten_gnp.exe")] // a right-to-left override that would disguise the extension
    public void ShouldSanitiseTheUploadedName(string raw, string expected) => Assert.Equal(expected, AttachmentRules.SanitiseName(raw));

    [Fact]
    public void ShouldStoreTheNameInNfcAndKeepTheExtensionOfALongName()
    {
        var decomposed = "đường sạt lở.jpg".Normalize(NormalizationForm.FormD);
        Assert.Equal("đường sạt lở.jpg", AttachmentRules.SanitiseName(decomposed));

        var longName = AttachmentRules.SanitiseName(new string('a', 300) + ".pdf");
        Assert.Equal(AttachmentRules.MaxNameLength, longName.Length);
        Assert.EndsWith(".pdf", longName);
    }
}
