using CollabPlatform.Api.Mapping;
using V1 = CollabPlatform.Contracts.V1;

namespace CollabPlatform.Api.Tests.Mapping;

public sealed class EnumMapTests
{
    [Fact]
    public void EveryDomainValue_HasAProtoValueAndComesBack()
    {
        RoundTrip<Domain.Partnerships.PartnershipStage, V1.PartnershipStage>();
        RoundTrip<Domain.Partnerships.PartnershipKind, V1.PartnershipKind>();
        RoundTrip<Domain.Partnerships.DocumentKind, V1.DocumentKind>();
        RoundTrip<Domain.Partnerships.MeetingMode, V1.MeetingMode>();
        RoundTrip<Domain.Common.Sector, V1.Sector>();
        RoundTrip<Domain.Common.PartySide, V1.PartySide>();
        RoundTrip<Domain.JointPrograms.JointProgramStatus, V1.JointProgramStatus>();
    }

    [Fact]
    public void ProtoValuesBesidesUnspecified_AllHaveADomainValue()
    {
        Assert.Equal(Enum.GetValues<V1.PartnershipStage>().Length - 1, Enum.GetValues<Domain.Partnerships.PartnershipStage>().Length);
        Assert.Equal(Enum.GetValues<V1.Sector>().Length - 1, Enum.GetValues<Domain.Common.Sector>().Length);
        Assert.False(EnumMap<Domain.Common.Sector, V1.Sector>.TryToDomain(V1.Sector.Unspecified, out _));
        Assert.False(EnumMap<Domain.Common.Sector, V1.Sector>.TryToDomain((V1.Sector)99, out _));
    }

    [Fact]
    public void NamesThatDifferInCase_StillPair()
    {
        Assert.Equal(V1.Sector.Msme, EnumMap<Domain.Common.Sector, V1.Sector>.ToProto(Domain.Common.Sector.Msme));
        Assert.Equal(V1.PartnershipKind.OtherKsdpl, EnumMap<Domain.Partnerships.PartnershipKind, V1.PartnershipKind>.ToProto(Domain.Partnerships.PartnershipKind.OtherKsdpl));
        Assert.Equal(V1.PartnershipStage.LetterOfIntent, EnumMap<Domain.Partnerships.PartnershipStage, V1.PartnershipStage>.ToProto(Domain.Partnerships.PartnershipStage.LetterOfIntent));
    }

    [Fact]
    public void EveryStoredEventType_HasAContractEventType()
    {
        var stored = Domain.Common.EventTypeNames.All<Domain.Partnerships.Events.PartnershipEvent>().Values
            .Concat(Domain.Common.EventTypeNames.All<Domain.JointPrograms.Events.JointProgramEvent>().Values);

        Assert.All(stored, type => Assert.NotEqual(V1.PartnershipEventType.Unspecified, EventTypeMapping.ToProto(type)));
        Assert.Equal(V1.PartnershipEventType.Unspecified, EventTypeMapping.ToProto("partnership.invented_later"));
    }

    private static void RoundTrip<TDomain, TProto>()
        where TDomain : struct, Enum
        where TProto : struct, Enum
    {
        foreach (var value in Enum.GetValues<TDomain>())
        {
            var proto = EnumMap<TDomain, TProto>.ToProto(value);
            Assert.NotEqual(0, Convert.ToInt32(proto, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(value, EnumMap<TDomain, TProto>.ToDomain(proto));
        }
    }
}
