using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CollabPlatform.Contracts.V1;
using Google.Rpc;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;

namespace CollabPlatform.Integration.Tests.Api;

/// <summary>Health, reflection and JSON transcoding of a running Host.</summary>
[Collection(ApiHostCollection.Name)]
public sealed class PlatformApiTests(ApiHostFixture fixture)
{
    [Theory]
    [InlineData("")]
    [InlineData("liveness")]
    [InlineData("collab.v1.PartnershipService")]
    [InlineData("collab.v1.FacilitationService")]
    public async Task Health_OfAReadyHost_IsServing(string service)
    {
        var health = new Health.HealthClient(fixture.Channel);

        var response = await health.CheckAsync(new HealthCheckRequest { Service = service });

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Health_OfAnUnknownService_IsNotFound()
    {
        var health = new Health.HealthClient(fixture.Channel);

        var ex = await Assert.ThrowsAsync<RpcException>(() => health.CheckAsync(new HealthCheckRequest { Service = "collab.v1.NoSuchService" }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
    }

    [Fact]
    public async Task Reflection_ListsTheCollabServices()
    {
        var reflection = new ServerReflection.ServerReflectionClient(fixture.Channel);
        using var call = reflection.ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();

        Assert.Contains("collab.v1.RegionService", services);
        Assert.Contains("collab.v1.PartnershipService", services);
        Assert.Contains("collab.v1.JointProgramService", services);
        Assert.Contains("collab.v1.FacilitationService", services);
        Assert.Contains("grpc.health.v1.Health", services);
    }

    [Fact]
    public async Task Json_SearchOverHttp11_ReturnsBothNanjings()
    {
        using var http = fixture.CreateHttpClient();

        using var response = await http.GetAsync(new Uri("/v1/regions:search?query=Nanjing", UriKind.Relative));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new Version(1, 1), response.Version);
        Assert.True(body.GetProperty("ambiguous").GetBoolean());
        var ids = body.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("region").GetProperty("id").GetString()).ToList();
        Assert.Equal(["CN-320100", "CN-350627"], ids);
    }

    [Fact]
    public async Task Json_BadInput_IsA400WithTheFieldViolations()
    {
        using var http = fixture.CreateHttpClient();
        using var content = JsonContent.Create(new { requestId = "r1", kind = "PARTNERSHIP_KIND_SISTER_CITY", title = "x", localRegionId = "ID-99", counterpart = new { foreignRegionId = "KR-36330" } });

        using var notFound = await http.GetAsync(new Uri("/v1/regions/ID-99", UriKind.Relative));
        using var invalid = await http.PostAsync(new Uri("/v1/partnerships", UriKind.Relative), content);
        var error = await notFound.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal("REGION_NOT_FOUND", error.GetProperty("details")[0].GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.NotFound, invalid.StatusCode);
    }

    [Fact]
    public async Task Json_MalformedBody_IsA400NotA500()
    {
        using var http = fixture.CreateHttpClient();
        using var content = new StringContent("{\"requestId\": 12, \"kind\": \"NOT_A_KIND\"", System.Text.Encoding.UTF8, "application/json");

        using var response = await http.PostAsync(new Uri("/v1/partnerships", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData(new byte[] { 0xff, 0xff, 0xff, 0xff, 0x0f, 0x01 })]
    [InlineData(new byte[] { 0x0a, 0x02, 0xc3, 0x28 })]
    public async Task Grpc_MessageThatIsNotProtobuf_IsInvalidArgumentNotUnknown(byte[] message)
    {
        using var http = new HttpClient();
        var frame = new byte[5 + message.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)message.Length);
        message.CopyTo(frame, 5);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(fixture.Host.GrpcAddress, "/collab.v1.PartnershipService/GetPartnership"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(frame),
        };
        request.Content.Headers.ContentType = new("application/grpc");
        request.Headers.TE.ParseAdd("trailers");
        // With a valid token: a call without one is refused before its body is read.
        request.Headers.Authorization = new("Bearer", TestTokens.For(TestTokens.Admin));

        using var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        var status = response.Headers.Concat(response.TrailingHeaders).Single(h => h.Key == "grpc-status").Value.Single();

        Assert.Equal("3", status);
    }

    [Fact]
    public async Task Grpc_CallWithoutToken_IsUnauthenticatedAndTheActorIsTheTokensSubject()
    {
        var client = new PartnershipService.PartnershipServiceClient(fixture.RawChannel);
        var proposal = ApiRequests.KlatenNanjing();
        proposal.LocalRegionId = "ID-33.11";

        var anonymous = await Assert.ThrowsAsync<RpcException>(() => client.ProposePartnershipAsync(proposal).ResponseAsync);
        var response = await client.ProposePartnershipAsync(proposal, ApiRequests.AsOfficial("ID-33.11"));

        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
        Assert.Equal("UNAUTHENTICATED", anonymous.GetRpcStatus()!.GetDetail<ErrorInfo>().Reason);
        Assert.Equal("official:ID-33.11", response.Partnership.History[0].Actor);
    }
}
