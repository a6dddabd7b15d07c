import Foundation
import KyoseiAPI
import KyoseiDomain
import KyoseiServices
import PropertyBased
import Testing

/// Every failure leaves as one problem shape whose kind and exit code the CLI relies on.
@Suite struct ProblemTests {
    @Test(arguments: [
        (ServiceError.usage("u"), 400, Problem.Kind.usage, Int32(1)),
        (ServiceError.notFound("n"), 404, .notFound, 1),
        (ServiceError.conflict("c"), 409, .conflict, 1),
        (ServiceError.invalid(ValidationError(field: "f", value: "v", reason: "r")), 400, .validation, 1),
        (ServiceError.refused("r"), 403, .refused, 2),
        (ServiceError.dataRefused("d"), 422, .dataRefused, 3),
        (ServiceError.internalFailure("i"), 500, .internalFailure, 4),
    ])
    func aServiceErrorKeepsItsExitCode(error: ServiceError, status: Int, kind: Problem.Kind, exitCode: Int32) {
        let problem = Problem(error)
        #expect(problem.status == status)
        #expect(problem.kind == kind)
        #expect(problem.exitCode == exitCode)
        #expect(problem.exitCode == error.exitCode)
        #expect(problem.detail == error.description)
    }

    @Test func aProblemComesBackAsTheServiceErrorItStandsFor() async {
        await propertyCheck(input: Gen.letterOrNumber.string(of: 1...40)) { text in
            for error in [ServiceError.usage(text), .notFound(text), .conflict(text), .refused(text), .dataRefused(text),
                          .internalFailure(text)] {
                let problem = Problem(error)
                let decoded = try JSONDecoder().decode(Problem.self, from: JSONEncoder().encode(problem))
                #expect(decoded == problem)
                #expect(decoded.serviceError.exitCode == error.exitCode)
                #expect(decoded.serviceError.description == text)
            }
        }
    }

    @Test func theWireFormIsRFC9457WithKyoseisFields() throws {
        let data = try JSONEncoder().encode(Problem(ServiceError.refused("tanaka may not read the audit log.")))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["type", "title", "status", "detail", "kind", "exit_code"])
        #expect(object["status"] as? Int == 403)
        #expect(object["exit_code"] as? Int == 2)
        #expect(object["kind"] as? String == "refused")
    }
}
