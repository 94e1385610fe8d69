using Google.Rpc;
using Grpc.Core;

namespace CollabPlatform.EndToEnd.Tests.Infrastructure;

/// <summary>Assertions on failed calls: the status, and the google.rpc details DESIGN.md §5 promises.</summary>
public static class RpcAssert
{
    /// <summary>The domain of every <see cref="ErrorInfo"/> the API sends.</summary>
    public const string ErrorDomain = "collab.v1";

    /// <summary>Runs <paramref name="call"/>, which must fail with <paramref name="expected"/>; <paramref name="phase"/> names the step in the message.</summary>
    public static async Task<RpcException> FailsAsync(StatusCode expected, Func<Task> call, string phase)
    {
        try
        {
            await call();
        }
        catch (RpcException ex)
        {
            Assert.True(ex.StatusCode == expected, $"{phase}: expected {expected}, got {ex.StatusCode}: {ex.Status.Detail}");
            return ex;
        }

        Assert.Fail($"{phase}: expected {expected}, but the call succeeded");
        return null!;
    }

    /// <summary>The <see cref="ErrorInfo"/> of a non-INVALID_ARGUMENT error, with our domain and the given reason.</summary>
    public static ErrorInfo HasErrorInfo(RpcException exception, string reason, string phase)
    {
        var info = exception.GetRpcStatus()?.GetDetail<ErrorInfo>();
        Assert.True(info is not null, $"{phase}: {exception.StatusCode} carries no google.rpc.ErrorInfo (message: {exception.Status.Detail})");
        Assert.Equal(ErrorDomain, info!.Domain);
        Assert.True(info.Reason == reason, $"{phase}: ErrorInfo.reason is {info.Reason}, expected {reason}");
        return info;
    }

    /// <summary>The <see cref="BadRequest"/> of an INVALID_ARGUMENT error, with at least one field violation.</summary>
    public static BadRequest HasBadRequest(RpcException exception, string phase)
    {
        var badRequest = exception.GetRpcStatus()?.GetDetail<BadRequest>();
        Assert.True(badRequest is not null, $"{phase}: INVALID_ARGUMENT carries no google.rpc.BadRequest (message: {exception.Status.Detail})");
        Assert.True(badRequest!.FieldViolations.Count > 0, $"{phase}: the BadRequest names no field (message: {exception.Status.Detail})");
        return badRequest;
    }

    /// <summary>The field violations name <paramref name="field"/> itself or a field inside it (<c>counterpart.institution</c>).</summary>
    public static void NamesField(BadRequest badRequest, string field, string phase)
    {
        var fields = badRequest.FieldViolations.Select(v => v.Field).ToList();
        Assert.True(
            fields.Any(f => f == field || f.StartsWith(field + ".", StringComparison.Ordinal) || f.StartsWith(field + "[", StringComparison.Ordinal)),
            $"{phase}: expected a violation of {field}, got [{string.Join(", ", fields)}]");
    }

    /// <summary>
    /// Some violation names <paramref name="field"/>, a field inside it, or a field that encloses it
    /// (<c>meeting</c> for <c>meeting.date</c>), but not an unrelated field.
    /// </summary>
    public static void NamesFieldOrItsParent(BadRequest badRequest, string field, string phase)
    {
        static bool Within(string inner, string outer) =>
            inner == outer || inner.StartsWith(outer + ".", StringComparison.Ordinal) || inner.StartsWith(outer + "[", StringComparison.Ordinal);

        var fields = badRequest.FieldViolations.Select(v => v.Field).ToList();
        Assert.True(
            fields.Any(f => Within(f, field) || Within(field, f)),
            $"{phase}: expected a violation of {field}, got [{string.Join(", ", fields)}]");
    }
}
