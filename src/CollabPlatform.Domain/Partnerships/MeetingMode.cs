namespace CollabPlatform.Domain.Partnerships;

public enum MeetingMode
{
    InPerson,
    Virtual,
    Hybrid,
}
