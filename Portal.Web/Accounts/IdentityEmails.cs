using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Data;
using Portal.Domain.Notifications;
using Portal.Jobs.Notifications;

namespace Portal.Web.Accounts;

/// <summary>The account emails (confirm address, reset password), in the person's language, through the outbox:
/// queued first, then sent at once if possible; if sending fails, the dispatcher retries.</summary>
public sealed class IdentityEmails(IDbContextFactory<PortalDb> dbs, OutboxDispatcher dispatcher, TimeProvider clock) : IEmailSender<PortalUser>
{
    public Task SendConfirmationLinkAsync(PortalUser user, string email, string confirmationLink) =>
        Queue(user, email, "account.confirm",
            vi: ("Xác nhận địa chỉ email của bạn", "Chào {0}, hãy xác nhận địa chỉ email để hoàn tất đăng ký tài khoản trên Cổng đối thoại.", "Xác nhận email"),
            en: ("Confirm your email address", "Hello {0}, please confirm your email address to finish creating your Portal account.", "Confirm email"),
            confirmationLink);

    public Task SendPasswordResetLinkAsync(PortalUser user, string email, string resetLink) =>
        Queue(user, email, "account.reset",
            vi: ("Đặt lại mật khẩu", "Chào {0}, bấm vào liên kết dưới đây để đặt lại mật khẩu. Nếu bạn không yêu cầu, hãy bỏ qua email này.", "Đặt lại mật khẩu"),
            en: ("Reset your password", "Hello {0}, follow the link below to reset your password. If you did not ask for this, ignore this email.", "Reset password"),
            resetLink);

    public Task SendPasswordResetCodeAsync(PortalUser user, string email, string resetCode) =>
        Queue(user, email, "account.reset-code",
            vi: ("Mã đặt lại mật khẩu", "Chào {0}, mã đặt lại mật khẩu của bạn là: **" + resetCode + "**", null),
            en: ("Your password reset code", "Hello {0}, your password reset code is: **" + resetCode + "**", null),
            null);

    private async Task Queue(PortalUser user, string email, string kind, (string Subject, string Body, string? Action) vi,
        (string Subject, string Body, string? Action) en, string? link)
    {
        var text = user.PreferredLanguage == "en" ? en : vi;
        var name = string.IsNullOrWhiteSpace(user.DisplayName) ? email : user.DisplayName;
        var body = string.Format(System.Globalization.CultureInfo.InvariantCulture, text.Body, EscapeMarkdown(name));
        if (link is not null) body += $"\n\n[{text.Action}]({WebUtility.HtmlDecode(link)})\n\n{WebUtility.HtmlDecode(link)}";
        var now = clock.GetUtcNow();
        // Each request for a link is its own occasion: the key carries the instant.
        var message = new OutboxMessage($"{kind}:{user.Id}:{now.ToUnixTimeMilliseconds()}", kind, email, user.DisplayName, user.PreferredLanguage, text.Subject, body, now);
        await using (var db = await dbs.CreateDbContextAsync())
        {
            await db.EnqueueAsync(message);
            await db.SaveChangesAsync();
        }
        await dispatcher.TrySendNowAsync(message.Id);
    }

    private static string EscapeMarkdown(string text) =>
        string.Concat(text.Select(c => "\\`*_{}[]()#+-.!<>|".Contains(c) ? $"\\{c}" : c.ToString()));
}
